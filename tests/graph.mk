# make graph: the deck's state machine (`tipscreen graph`, DOT) as SVG with
# Graphviz, build/graph/deck.svg, and each training scenario's path drawn
# bold, build/graph/SCENARIO.svg: for trainers and legal reviewers.
.PHONY: graph
graph: tipscreen
	@mkdir -p build/graph
	./tipscreen graph | dot -Tsvg -o build/graph/deck.svg
	@for f in screens/scenarios/*.scenario; do id=$$(sed -n 's/^Scenario: *//p' $$f); \
	  ./tipscreen graph --path $$id | dot -Tsvg -o build/graph/$$id.svg || exit 1; \
	  echo "build/graph/$$id.svg"; done
	@echo "build/graph/deck.svg"
