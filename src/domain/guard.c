#include "domain/guard.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

enum node_type {
	N_NUM, N_STR, N_REF, N_AND, N_OR, N_NOT, N_CMP,
	N_ANY, N_COUNT, N_ANSWERED, N_SELECTED
};

enum cmp { C_EQ, C_NE, C_LT, C_LE, C_GT, C_GE };

/* A node of the parsed guard. "and" and "or" are n-ary: a chain of any
 * length is one node whose operands are kids[a .. a + b), so the tree is
 * only as deep as the nesting, which the parser caps; evaluation recurses
 * no deeper than that. */
struct node {
	enum node_type type;
	enum cmp op;
	long num;
	char *str;
	struct guard_ref ref;
	int a, b;	/* child nodes (-1 if none); for and/or: first kid, count */
};

struct guard {
	struct node *v;
	size_t n, cap;
	int *kids;	/* operands of and/or nodes */
	size_t nkids, capkids;
	int root;
};

static const char *const words[] = {
	"yes", "no", "dontknow", "declined", "unanswered", "intended",
	"met", "not-met", "unclear", "presumed", "unknown",
	"none", "professional", "informal", NULL
};

enum tok_type { T_END, T_NUM, T_STR, T_NAME, T_OP, T_LPAREN, T_RPAREN, T_COMMA, T_BAD };

struct tok {
	enum tok_type type;
	const char *p;
	size_t len;
};

struct parser {
	const char *src;
	const char *p;
	struct tok t;
	const struct guard_names *names;
	struct guard *g;
	int depth;	/* open parentheses and "not"s around the token */
	int errcol;
	char *errmsg;
};

const char *guard_reserved(const char *name)
{
	static const char *const keywords[] = { "and", "or", "not", "any", "count", "answered",
						"selected", NULL };
	for (int i = 0; keywords[i]; i++)
		if (strcmp(name, keywords[i]) == 0)
			return "a word of the condition language";
	for (int i = 0; words[i]; i++)
		if (strcmp(name, words[i]) == 0)
			return "an answer word";
	return NULL;
}

static bool name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool name_char(char c)
{
	return name_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

static void next(struct parser *ps)
{
	const char *p = ps->p;
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	struct tok t = { T_END, p, 0 };
	if (!*p) {
		/* end */
	} else if (*p >= '0' && *p <= '9') {
		while (p[t.len] >= '0' && p[t.len] <= '9')
			t.len++;
		t.type = T_NUM;
	} else if (*p == '"' || *p == '\'') {
		const char *e = strchr(p + 1, *p);
		t.type = e ? T_STR : T_BAD;
		t.len = e ? (size_t)(e - p) + 1 : strlen(p);
	} else if (name_start(*p)) {
		while (name_char(p[t.len]))
			t.len++;
		t.type = T_NAME;
	} else if (*p == '(' || *p == ')' || *p == ',') {
		t.type = *p == '(' ? T_LPAREN : *p == ')' ? T_RPAREN : T_COMMA;
		t.len = 1;
	} else if (*p == '=' || *p == '<' || *p == '>' || (*p == '!' && p[1] == '=')) {
		t.type = T_OP;
		t.len = (p[1] == '=' && *p != '=') ? 2 : 1;
	} else {
		t.type = T_BAD;
		t.len = 1;
	}
	ps->t = t;
	ps->p = p + t.len;
}

static int column(const struct parser *ps, const char *at)
{
	int c = 1;
	for (const char *q = ps->src; q < at; q++)
		if (((unsigned char)*q & 0xC0) != 0x80)
			c++;
	return c;
}

static int fail(struct parser *ps, const char *at, char *msg)
{
	if (!ps->errmsg) {
		ps->errcol = column(ps, at);
		ps->errmsg = msg;
	} else {
		free(msg);
	}
	return -1;
}

static bool tok_is(const struct tok *t, const char *word)
{
	return t->type == T_NAME && strlen(word) == t->len && memcmp(t->p, word, t->len) == 0;
}

static int add(struct parser *ps, enum node_type type)
{
	struct guard *g = ps->g;
	xgrow((void **)&g->v, &g->cap, g->n + 1, sizeof *g->v);
	g->v[g->n] = (struct node){ .type = type, .a = -1, .b = -1 };
	return (int)g->n++;
}

static int parse_or(struct parser *ps);

/* Enters one level of nesting ("(" or "not" at at), refusing more than
 * GUARD_MAX_DEPTH. */
static int deeper(struct parser *ps, const char *at)
{
	if (++ps->depth <= GUARD_MAX_DEPTH)
		return 0;
	ps->depth--;
	return fail(ps, at, xasprintf("conditions nest at most %d levels deep "
				      "(parentheses and 'not')", GUARD_MAX_DEPTH));
}

static const char *describe(const struct tok *t)
{
	switch (t->type) {
	case T_END: return "the end of the condition";
	case T_RPAREN: return "')'";
	case T_COMMA: return "','";
	case T_OP: return "an operator";
	default: return "this";
	}
}

static int expect(struct parser *ps, enum tok_type type, const char *what)
{
	if (ps->t.type != type)
		return fail(ps, ps->t.p, xasprintf("expected %s, found %s", what, describe(&ps->t)));
	next(ps);
	return 0;
}

static int resolve(struct parser *ps, const struct tok *t, struct guard_ref *r)
{
	char *name = xstrndup(t->p, t->len);
	int rc = ps->names->resolve(ps->names->ctx, name, r);
	if (rc < 0) {
		const char *near = ps->names->suggest ? ps->names->suggest(ps->names->ctx, name) : NULL;
		if (near)
			fail(ps, t->p, xasprintf("unknown name '%s' (did you mean '%s'?)", name, near));
		else
			fail(ps, t->p, xasprintf("unknown name '%s': expected a screen or item id, an indicator id, act, means, purpose, smuggling, or an assessment input", name));
	}
	free(name);
	return rc;
}

/* Parses "(" ref ["," string] ")" for the function whose node is n. */
static int parse_call_args(struct parser *ps, int n, enum gref_kind want, bool code)
{
	if (expect(ps, T_LPAREN, "'('") < 0)
		return -1;
	struct tok arg = ps->t;
	if (arg.type != T_NAME)
		return fail(ps, arg.p, xasprintf("expected a name as the argument"));
	struct guard_ref r;
	if (resolve(ps, &arg, &r) < 0)
		return -1;
	if (r.kind != want)
		return fail(ps, arg.p, xasprintf("expected %s as the argument",
			want == GREF_ELEMENT ? "act, means, purpose or smuggling" : "a screen or item id"));
	ps->g->v[n].ref = r;
	next(ps);
	if (code) {
		if (expect(ps, T_COMMA, "','") < 0)
			return -1;
		if (ps->t.type != T_STR)
			return fail(ps, ps->t.p, xasprintf("expected a quoted choice code"));
		ps->g->v[n].str = xstrndup(ps->t.p + 1, ps->t.len - 2);
		next(ps);
	}
	return expect(ps, T_RPAREN, "')'") < 0 ? -1 : n;
}

static int parse_call(struct parser *ps, struct tok name)
{
	static const struct { const char *name; enum node_type type; enum gref_kind want; bool code; } fns[] = {
		{ "any", N_ANY, GREF_ELEMENT, false },
		{ "count", N_COUNT, GREF_ELEMENT, false },
		{ "answered", N_ANSWERED, GREF_SLOT, false },
		{ "selected", N_SELECTED, GREF_SLOT, true },
	};
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
		if (tok_is(&name, fns[i].name))
			return parse_call_args(ps, add(ps, fns[i].type), fns[i].want, fns[i].code);
	return fail(ps, name.p, xasprintf("unknown function '%.*s': expected any, count, answered or selected",
					  (int)name.len, name.p));
}

static bool is_word(const struct tok *t)
{
	for (int i = 0; words[i]; i++)
		if (tok_is(t, words[i]))
			return true;
	return false;
}

static int parse_operand(struct parser *ps)
{
	struct tok t = ps->t;
	int n;
	switch (t.type) {
	case T_NUM:
		n = add(ps, N_NUM);
		errno = 0;
		ps->g->v[n].num = strtol(t.p, NULL, 10);
		if (errno == ERANGE)
			return fail(ps, t.p, xasprintf("number too large: at most %ld", LONG_MAX));
		next(ps);
		return n;
	case T_STR:
		n = add(ps, N_STR);
		ps->g->v[n].str = xstrndup(t.p + 1, t.len - 2);
		next(ps);
		return n;
	case T_LPAREN:
		if (deeper(ps, t.p) < 0)
			return -1;
		next(ps);
		n = parse_or(ps);
		ps->depth--;
		if (n < 0 || expect(ps, T_RPAREN, "')'") < 0)
			return -1;
		return n;
	case T_NAME:
		next(ps);
		if (ps->t.type == T_LPAREN)
			return parse_call(ps, t);
		if (tok_is(&t, "and") || tok_is(&t, "or") || tok_is(&t, "not"))
			return fail(ps, t.p, xasprintf("expected a value before '%.*s'", (int)t.len, t.p));
		if (is_word(&t)) {
			n = add(ps, N_STR);
			ps->g->v[n].str = xstrndup(t.p, t.len);
			return n;
		}
		struct guard_ref r;
		if (resolve(ps, &t, &r) < 0)
			return -1;
		n = add(ps, N_REF);
		ps->g->v[n].ref = r;
		return n;
	default:
		if (t.type == T_BAD && (*t.p == '"' || *t.p == '\''))
			return fail(ps, t.p, xasprintf("string is not closed"));
		return fail(ps, t.p, xasprintf("expected a name, number or word, found %s",
						t.type == T_BAD ? "an unexpected character" : describe(&t)));
	}
}

/* The value a literal node stands for. */
static bool literal(const struct node *nd, struct gval *v)
{
	if (nd->type == N_NUM)
		*v = (struct gval){ .t = GV_NUM, .n = nd->num };
	else if (nd->type == N_STR)
		*v = (struct gval){ .t = GV_STR, .s = nd->str };
	else
		return false;
	return true;
}

/* Refuses `ref OP literal` (either way round) when the name can never
 * have that value; `at` is the literal's token. */
static int check_types(struct parser *ps, int ref, int lit, const struct tok *at,
		       const struct tok *name)
{
	const struct node *r = &ps->g->v[ref], *l = &ps->g->v[lit];
	struct gval v;
	if (!literal(l, &v))
		return 0;
	if (r->type == N_COUNT)
		return v.t == GV_NUM ? 0 : fail(ps, at->p, xasprintf("count(%.*s) is a number: expected a number, found '%s'",
								     (int)(name->len), name->p, v.s));
	if (r->type != N_REF || !ps->names->expects)
		return 0;
	const char *want = ps->names->expects(ps->names->ctx, &r->ref, &v);
	if (!want)
		return 0;
	char num[32];
	snprintf(num, sizeof num, "%ld", v.n);
	return fail(ps, at->p, xasprintf("'%.*s' is never %s: expected %s", (int)name->len, name->p,
					  v.t == GV_NUM ? num : v.s, want));
}

/* Refuses a name alone that can never be true (yes, intended, met,
 * presumed or a number other than 0). */
static int check_truth(struct parser *ps, int ref, const struct tok *name)
{
	const struct node *r = &ps->g->v[ref];
	if (r->type != N_REF || !ps->names->expects)
		return 0;
	static const char *const truths[] = { "yes", "intended", "met", "presumed" };
	struct gval one = { .t = GV_NUM, .n = 1 };
	if (!ps->names->expects(ps->names->ctx, &r->ref, &one))
		return 0;
	const char *want = NULL;
	for (size_t i = 0; i < sizeof truths / sizeof truths[0]; i++) {
		struct gval w = { .t = GV_STR, .s = truths[i] };
		if (!(want = ps->names->expects(ps->names->ctx, &r->ref, &w)))
			return 0;
	}
	return fail(ps, name->p, xasprintf("'%.*s' alone is never true: its values are %s; compare it "
					   "with one of them", (int)name->len, name->p, want));
}

/* The name of an operand that is a reference or a count, for messages. */
static struct tok operand_name(const struct tok *start)
{
	struct tok t = *start;
	if (t.type == T_NAME && strncmp(t.p, "count", 5) == 0 && t.len == 5) {
		const char *open = strchr(t.p, '(');
		const char *close = open ? strchr(open, ')') : NULL;
		if (open && close) {
			t.p = open + 1;
			t.len = (size_t)(close - open - 1);
		}
	}
	return t;
}

static int parse_compare(struct parser *ps)
{
	struct tok ta = ps->t;
	int a = parse_operand(ps);
	if (a < 0)
		return a;
	if (ps->t.type != T_OP) {
		struct tok na = operand_name(&ta);
		return check_truth(ps, a, &na) < 0 ? -1 : a;
	}
	struct tok op = ps->t;
	next(ps);
	struct tok tb = ps->t;
	int b = parse_operand(ps);
	if (b < 0)
		return -1;
	int n = add(ps, N_CMP);
	struct node *nd = &ps->g->v[n];
	nd->a = a;
	nd->b = b;
	if (op.len == 1)
		nd->op = *op.p == '=' ? C_EQ : *op.p == '<' ? C_LT : C_GT;
	else
		nd->op = *op.p == '!' ? C_NE : *op.p == '<' ? C_LE : C_GE;
	bool ordered = nd->op != C_EQ && nd->op != C_NE;
	if (ordered && (ps->g->v[a].type == N_STR || ps->g->v[b].type == N_STR))
		return fail(ps, op.p, xasprintf("'%.*s' compares numbers, not words", (int)op.len, op.p));
	struct tok na = operand_name(&ta), nb = operand_name(&tb);
	if (check_types(ps, a, b, &tb, &na) < 0 || check_types(ps, b, a, &ta, &nb) < 0)
		return -1;
	return n;
}

static int parse_unary(struct parser *ps)
{
	if (tok_is(&ps->t, "not")) {
		if (deeper(ps, ps->t.p) < 0)
			return -1;
		next(ps);
		int a = parse_unary(ps);
		ps->depth--;
		if (a < 0)
			return -1;
		int n = add(ps, N_NOT);
		ps->g->v[n].a = a;
		return n;
	}
	return parse_compare(ps);
}

/* A chain "x kw y kw z …" as one n-ary node (or x alone). The operands
 * are gathered first, since parsing them adds kids of their own. */
static int parse_binary(struct parser *ps, const char *kw, enum node_type type,
			int (*sub)(struct parser *))
{
	int a = sub(ps);
	if (a < 0 || !tok_is(&ps->t, kw))
		return a;
	int *ops = NULL;
	size_t n = 0, cap = 0;
	xgrow((void **)&ops, &cap, n + 1, sizeof *ops);
	ops[n++] = a;
	while (a >= 0 && tok_is(&ps->t, kw)) {
		next(ps);
		a = sub(ps);
		xgrow((void **)&ops, &cap, n + 1, sizeof *ops);
		ops[n++] = a;
	}
	int node = -1;
	if (a >= 0) {
		struct guard *g = ps->g;
		xgrow((void **)&g->kids, &g->capkids, g->nkids + n, sizeof *g->kids);
		memcpy(g->kids + g->nkids, ops, n * sizeof *ops);
		node = add(ps, type);
		g->v[node].a = (int)g->nkids;
		g->v[node].b = (int)n;
		g->nkids += n;
	}
	free(ops);
	return node;
}

static int parse_and(struct parser *ps)
{
	return parse_binary(ps, "and", N_AND, parse_unary);
}

static int parse_or(struct parser *ps)
{
	return parse_binary(ps, "or", N_OR, parse_and);
}

struct guard *guard_parse(const char *src, const struct guard_names *names, int *col,
			  char **msg)
{
	struct parser ps = { .src = src, .p = src, .names = names };
	ps.g = xcalloc(1, sizeof *ps.g);
	next(&ps);
	if (ps.t.type == T_END)
		fail(&ps, ps.t.p, xasprintf("expected a condition after 'if'"));
	else
		ps.g->root = parse_or(&ps);
	if (!ps.errmsg && ps.t.type != T_END)
		fail(&ps, ps.t.p, xasprintf("expected 'and', 'or' or the end of the condition, found '%.*s'",
					    (int)ps.t.len, ps.t.p));
	if (ps.errmsg) {
		*col = ps.errcol;
		*msg = ps.errmsg;
		guard_free(ps.g);
		return NULL;
	}
	return ps.g;
}

static struct gval eval_value(const struct guard *g, int n, const struct guard_env *env);

static bool truthy(struct gval v)
{
	if (v.t == GV_NUM)
		return v.n != 0;
	if (v.t != GV_STR)
		return false;
	return strcmp(v.s, "yes") == 0 || strcmp(v.s, "intended") == 0 ||
	       strcmp(v.s, "met") == 0 || strcmp(v.s, "presumed") == 0;
}

static bool compare(struct gval a, struct gval b, enum cmp op)
{
	if (a.t == GV_NONE || b.t == GV_NONE || a.t != b.t)
		return op == C_NE;
	int d = a.t == GV_NUM ? (a.n > b.n) - (a.n < b.n) : strcmp(a.s, b.s);
	switch (op) {
	case C_EQ: return d == 0;
	case C_NE: return d != 0;
	case C_LT: return a.t == GV_NUM && d < 0;
	case C_LE: return a.t == GV_NUM && d <= 0;
	case C_GT: return a.t == GV_NUM && d > 0;
	case C_GE: return a.t == GV_NUM && d >= 0;
	}
	return false;
}

/* An and/or chain, in a loop: stops at the first operand that is stop. */
static bool eval_chain(const struct guard *g, const struct node *nd, const struct guard_env *env,
		       bool stop)
{
	for (int i = 0; i < nd->b; i++)
		if (truthy(eval_value(g, g->kids[nd->a + i], env)) == stop)
			return stop;
	return !stop;
}

static struct gval boolean(bool b)
{
	return (struct gval){ .t = GV_NUM, .n = b };
}

static struct gval eval_value(const struct guard *g, int n, const struct guard_env *env)
{
	const struct node *nd = &g->v[n];
	switch (nd->type) {
	case N_NUM: return (struct gval){ .t = GV_NUM, .n = nd->num };
	case N_STR: return (struct gval){ .t = GV_STR, .s = nd->str };
	case N_REF: return env->value(env->ctx, &nd->ref);
	case N_AND: return boolean(eval_chain(g, nd, env, false));
	case N_OR: return boolean(eval_chain(g, nd, env, true));
	case N_NOT: return boolean(!truthy(eval_value(g, nd->a, env)));
	case N_CMP: return boolean(compare(eval_value(g, nd->a, env), eval_value(g, nd->b, env), nd->op));
	case N_ANY: return boolean(env->count(env->ctx, nd->ref.index) > 0);
	case N_COUNT: return (struct gval){ .t = GV_NUM, .n = env->count(env->ctx, nd->ref.index) };
	case N_ANSWERED: return boolean(env->answered(env->ctx, nd->ref.index));
	case N_SELECTED: return boolean(env->selected(env->ctx, nd->ref.index, nd->str));
	}
	return (struct gval){ .t = GV_NONE };
}

bool guard_eval(const struct guard *g, const struct guard_env *env)
{
	return truthy(eval_value(g, g->root, env));
}

void guard_each_ref(const struct guard *g, void (*fn)(void *ctx, const struct guard_ref *r),
		    void *ctx)
{
	for (size_t i = 0; i < g->n; i++) {
		enum node_type t = g->v[i].type;
		if (t == N_REF || t == N_ANY || t == N_COUNT || t == N_ANSWERED || t == N_SELECTED)
			fn(ctx, &g->v[i].ref);
	}
}

void guard_free(struct guard *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n; i++)
		free(g->v[i].str);
	free(g->v);
	free(g->kids);
	free(g);
}
