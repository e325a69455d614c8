/* Sessions: every change committed, a failed commit changing nothing, and
 * a resumed interview equal to the one that was left. */
#include "bundled.h"

#include <sqlite3.h>

#include "fault.h"
#include "store/record.h"
#include "app/session.h"

static char err[512];

struct fx {
	char *base, *dir;
	struct store *store;
	struct interview *iv;
	struct session *ss;
};

static enum session_outcome act(struct fx *f, enum session_verb v)
{
	struct session_action a = { .verb = v };
	return session_do(f->ss, &a);
}

static void fx_open(struct fx *f)
{
	if (store_open(f->dir, &f->store, err, sizeof err) < 0)
		fail_msg("%s", err);
	if (store_has_passphrase(f->store))
		assert_int_equal(store_unlock(f->store, "correct horse", err, sizeof err), 0);
	else
		assert_int_equal(store_set_passphrase(f->store, "correct horse", err, sizeof err), 0);
	f->iv = interview_new(deck);
	f->ss = session_new(f->iv, f->store);
}

static void fx_close(struct fx *f)
{
	session_free(f->ss);
	interview_free(f->iv);
	store_close(f->store);
}

/* A new case, begun with second as the respondent's language (NULL: none). */
static struct fx *fx_new_second(const char *second)
{
	struct fx *f = calloc(1, sizeof *f);
	f->base = make_dir(NULL);
	f->dir = malloc(strlen(f->base) + 8);
	sprintf(f->dir, "%s/store", f->base);
	fx_open(f);
	session_set_second(f->ss, second);
	assert_int_equal(act(f, DO_BEGIN), S_MOVED);
	return f;
}

static struct fx *fx_new(void)
{
	return fx_new_second(NULL);
}

static void fx_free(struct fx *f)
{
	fx_close(f);
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->base);
	assert_int_equal(system(cmd), 0);
	free(f->base);
	free(f->dir);
	free(f);
}

/* An answer through the door: 0 when recorded, -1 refused, -2 not saved. */
static int give(struct fx *f, int slot, const struct answer *a)
{
	struct session_action give = { .verb = DO_ANSWER, .slot = slot, .answer = a };
	switch (session_do(f->ss, &give)) {
	case S_DONE: return 0;
	case S_REFUSED: return -1;
	default: return -2;
	}
}

static int answer(struct fx *f, const char *id, const char *value)
{
	int slot = deck_slot_find(deck, id);
	struct answer a;
	const char *why;
	assert_int_equal(answer_parse(deck, slot, value, &a, &why), 0);
	int rc = give(f, slot, &a);
	answer_clear(&a);
	return rc;
}

static enum session_outcome note(struct fx *f, const char *text)
{
	struct session_action a = { .verb = DO_NOTE, .text = text };
	return session_do(f->ss, &a);
}

static enum session_outcome resume(struct fx *f, const char *id)
{
	struct session_action a = { .verb = DO_RESUME, .text = id };
	return session_do(f->ss, &a);
}

/* Through the safety gate and the consent, so that the path goes on. */
static void safe(struct fx *f)
{
	assert_int_equal(answer(f, "safety.private", "yes"), 0);
	assert_int_equal(answer(f, "safety.controller", "no"), 0);
	assert_int_equal(answer(f, "safety.danger", "no"), 0);
	assert_int_equal(answer(f, "safety.minor", "no"), 0);
	assert_int_equal(answer(f, "consent.agree", "yes"), 0);
}

static enum session_outcome give_number(struct fx *f, const char *id, long n)
{
	struct answer a = { .kind = ANS_NUMBER, .number = n };
	struct session_action give = { .verb = DO_ANSWER, .slot = deck_slot_find(deck, id), .answer = &a };
	return session_do(f->ss, &give);
}

/* An age when it began above the age now is refused on its screen, with
 * the input to blame, and nothing is recorded (DESIGN §5 v3). */
static void test_an_answer_that_would_contradict_is_refused(void **st)
{
	(void)st;
	struct fx *f = fx_new();
	safe(f);
	assert_int_equal(give_number(f, "age.now", 16), S_DONE);
	assert_int_equal(give_number(f, "age.at-act", 17), S_CONTRADICTS);
	assert_int_equal(session_blame(f->ss), IN_AGE);
	assert_non_null(strstr(session_why(f->ss), "age-at-act is above age-now"));
	assert_int_equal(interview_get(f->iv, deck_slot_find(deck, "age.at-act"))->kind, ANS_NONE);
	assert_int_equal(give_number(f, "age.at-act", 16), S_DONE);
	fx_free(f);
}

/* The same when the answer is given with the move on (the wizard's Enter
 * and every answer of the line mode: one commit for both): refused, nothing
 * recorded, no move. */
static void test_an_answer_with_its_move_that_would_contradict_is_refused(void **st)
{
	(void)st;
	struct fx *f = fx_new();
	safe(f);
	assert_int_equal(give_number(f, "age.now", 16), S_DONE);
	int at = interview_current(f->iv);
	struct answer a = { .kind = ANS_NUMBER, .number = 17 };
	struct session_action next = { .verb = DO_NEXT, .slot = deck_slot_find(deck, "age.at-act"),
					.answer = &a };
	assert_int_equal(session_do(f->ss, &next), S_CONTRADICTS);
	assert_int_equal(session_blame(f->ss), IN_AGE);
	assert_int_equal(interview_get(f->iv, deck_slot_find(deck, "age.at-act"))->kind, ANS_NONE);
	assert_int_equal(interview_current(f->iv), at);
	fx_free(f);
}

/* Answers that contradict each other (from records the checks never saw)
 * are never summed up nor completed: going on from the review is refused
 * until they agree. */
static void test_an_interview_whose_answers_contradict_cannot_be_completed(void **st)
{
	(void)st;
	struct fx *f = fx_new();
	safe(f);
	assert_int_equal(give_number(f, "age.now", 16), S_DONE);
	struct answer a = { .kind = ANS_NUMBER, .number = 17 };
	const char *why;
	assert_int_equal(interview_answer(f->iv, deck_slot_find(deck, "age.at-act"), &a, &why), 0);
	struct session_action to_review = { .verb = DO_EDIT, .screen = deck->review };
	assert_int_equal(session_do(f->ss, &to_review), S_MOVED);
	assert_int_equal(act(f, DO_NEXT), S_CONTRADICTS);
	assert_int_equal(session_blame(f->ss), -1);
	assert_int_equal(interview_current(f->iv), deck->review);
	assert_false(interview_complete(f->iv));
	assert_int_equal(give_number(f, "age.at-act", 15), S_DONE);
	assert_int_equal(act(f, DO_NEXT), S_MOVED);
	assert_int_equal(interview_current(f->iv), deck->summary);
	fx_free(f);
}

static void test_resume_restores_answers_notes_stop_and_screen(void **st)
{
	(void)st;
	struct fx *f = fx_new();
	char id[STORE_ID_LEN + 1];
	strcpy(id, session_id(f->ss));
	safe(f);
	assert_int_equal(answer(f, "age.at-act", "16"), 0);
	assert_int_equal(answer(f, "age.at-act", "30"), 0);
	assert_int_equal(answer(f, "act.open", "A job offer"), 0);
	assert_int_equal(interview_current(f->iv), 0);	/* the note goes on the first screen */
	assert_int_equal(note(f, "came with a friend"), S_DONE);
	int age = deck_screen_find(deck, "age.at-act");
	struct session_action to_age = { .verb = DO_EDIT, .screen = age };
	assert_int_equal(session_do(f->ss, &to_age), S_MOVED);
	fx_close(f);	/* as if the laptop died here */

	fx_open(f);
	assert_int_equal(resume(f, id), S_MOVED);
	assert_int_equal(interview_current(f->iv), age);	/* the exact question */
	assert_int_equal(interview_get(f->iv, deck_slot_find(deck, "age.at-act"))->number, 30);
	assert_string_equal(interview_get(f->iv, deck_slot_find(deck, "act.open"))->text, "A job offer");
	assert_string_equal(interview_note(f->iv, 0), "came with a friend");
	fx_free(f);
}

static void test_a_failed_commit_changes_nothing(void **st)
{
	(void)st;
	struct fx *f = fx_new();
	safe(f);
	/* Another writer holds the database: the commit cannot happen. */
	char path[600];
	snprintf(path, sizeof path, "%s/cases.db", f->dir);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(answer(f, "safety.private", "no"), -2);
	assert_non_null(strstr(session_error(f->ss), "not saved"));
	int slot = deck_slot_find(deck, "safety.private");
	assert_int_equal(interview_get(f->iv, slot)->word, IV_YES);	/* as before */
	assert_false(interview_on_path(f->iv, deck->stop));
	assert_int_equal(note(f, "x"), S_NOT_SAVED);
	assert_null(interview_note(f->iv, 0));
	assert_int_equal(act(f, DO_STOP), S_NOT_SAVED);
	assert_int_equal(interview_stopped_at(f->iv), -1);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(answer(f, "safety.private", "no"), 0);	/* and works again */
	fx_free(f);
}

/* A write or fsync that fails: the commit reports not saved, the interview
 * keeps the answer it had, and the store still holds the earlier answers. */
static void test_failed_write_or_fsync_is_never_saved(void **st)
{
	(void)st;
	use_fault_vfs();
	struct fx *f = fx_new();
	safe(f);
	failing = true;
	assert_int_equal(answer(f, "age.at-act", "30"), -2);
	assert_non_null(strstr(session_error(f->ss), "not saved"));
	assert_int_equal(interview_get(f->iv, deck_slot_find(deck, "age.at-act"))->kind, ANS_NONE);
	failing = false;
	char id[STORE_ID_LEN + 1];
	strcpy(id, session_id(f->ss));
	fx_close(f);
	fx_open(f);
	assert_int_equal(resume(f, id), S_MOVED);
	assert_int_equal(interview_get(f->iv, deck_slot_find(deck, "consent.agree"))->word, IV_YES);
	assert_int_equal(interview_get(f->iv, deck_slot_find(deck, "age.at-act"))->kind, ANS_NONE);
	fx_free(f);
	sqlite3_vfs_unregister(&fault_vfs);
}

/* DO_NEXT with the current screen's first choice as its answer. */
static enum session_outcome answer_next(struct fx *f)
{
	const struct screen *sc = &deck->s[interview_current(f->iv)];
	int slot = sc->slot;
	const char *value = sc->choices[0].code;
	struct answer a;
	const char *why;
	assert_int_equal(answer_parse(deck, slot, value, &a, &why), 0);
	struct session_action next = { .verb = DO_NEXT, .slot = slot, .answer = &a };
	enum session_outcome o = session_do(f->ss, &next);
	answer_clear(&a);
	return o;
}

/* An answer given with the move on is one commit with the next screen's
 * record: one sync, not two; both are on disk for a resume. */
static void test_an_answer_and_its_move_are_one_commit(void **st)
{
	(void)st;
	use_fault_vfs();
	struct fx *f = fx_new();
	int first = interview_current(f->iv);
	syncs = 0;
	assert_int_equal(answer_next(f), S_MOVED);
	assert_int_equal(syncs, 1);
	int second = interview_current(f->iv);
	assert_int_not_equal(second, first);
	char id[STORE_ID_LEN + 1];
	strcpy(id, session_id(f->ss));
	fx_close(f);
	fx_open(f);
	assert_int_equal(resume(f, id), S_MOVED);
	assert_int_equal(interview_current(f->iv), second);
	assert_int_not_equal(interview_get(f->iv, deck->s[first].slot)->kind, ANS_NONE);
	fx_free(f);
	sqlite3_vfs_unregister(&fault_vfs);
}

/* That commit failing: not saved, the answer taken back, the screen the
 * same; once the disk works, the same action goes through. */
static void test_a_failed_answer_and_move_leave_the_interview_as_it_was(void **st)
{
	(void)st;
	use_fault_vfs();
	struct fx *f = fx_new();
	int first = interview_current(f->iv);
	failing = true;
	assert_int_equal(answer_next(f), S_NOT_SAVED);
	failing = false;
	assert_true(session_unsaved(f->ss));
	assert_int_equal(interview_current(f->iv), first);
	assert_int_equal(interview_get(f->iv, deck->s[first].slot)->kind, ANS_NONE);
	assert_int_equal(answer_next(f), S_MOVED);
	assert_false(session_unsaved(f->ss));
	fx_free(f);
	sqlite3_vfs_unregister(&fault_vfs);
}

/* A read that fails while listing the cases is an error, never a short
 * list that looks complete (the start screen would offer nothing to resume). */
static void test_a_failed_read_is_an_error_not_an_empty_list(void **st)
{
	(void)st;
	use_fault_vfs();
	struct fx *f = fx_new();
	safe(f);
	fx_close(f);
	fx_open(f);
	failing_reads = true;
	size_t n = 99;
	struct store_case *c = store_cases(f->store, &n, err, sizeof err);
	failing_reads = false;
	assert_null(c);
	assert_int_equal(n, 0);
	assert_non_null(strstr(err, "cases: "));
	c = store_cases(f->store, &n, err, sizeof err);	/* and works again */
	assert_non_null(c);
	assert_int_equal(n, 1);
	free(c);
	fx_free(f);
	sqlite3_vfs_unregister(&fault_vfs);
}

/* True if r has a record of event on id with old and new. */
static bool has_record(const struct records *r, enum record_event ev, const char *id,
		       const char *old, const char *new)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].event == ev && (!id || strcmp(r->v[i].id, id) == 0) &&
		    (!old || strcmp(r->v[i].old, old) == 0) && (!new || strcmp(r->v[i].new, new) == 0))
			return true;
	return false;
}

static void test_every_change_is_recorded_with_old_and_new(void **st)
{
	(void)st;
	struct fx *f = fx_new();
	assert_int_equal(answer(f, "age.at-act", "16"), 0);
	assert_int_equal(answer(f, "age.at-act", "30"), 0);
	assert_int_equal(act(f, DO_STOP), S_MOVED);
	enum session_outcome o = S_MOVED;
	for (int i = 0; i < 10 && o == S_MOVED; i++)	/* stop, referral, close */
		o = act(f, DO_NEXT);
	assert_int_equal(o, S_COMPLETE);
	struct records r;
	assert_int_equal(records_load(f->store, session_id(f->ss), &r, err, sizeof err), 0);
	assert_true(has_record(&r, REC_ANSWER, "age.at-act", "", "16"));
	assert_true(has_record(&r, REC_ANSWER, "age.at-act", "16", "30"));
	assert_true(has_record(&r, REC_STOP, NULL, NULL, NULL));
	assert_true(has_record(&r, REC_FINISH, "-", NULL, NULL));
	/* The assessment it ended with is kept, for a later deck. */
	assert_int_equal(r.v[r.n - 1].event, REC_ASSESSMENT);
	assert_non_null(strstr(r.v[r.n - 1].new, "\"outcome\": "));
	assert_true(r.v[0].ms > 1700000000000LL);
	records_free(&r);
	size_t n;
	struct store_case *c = store_cases(f->store, &n, err, sizeof err);
	assert_string_equal(c[0].status, "complete");
	assert_string_equal(c[0].deck, deck->identity);
	free(c);
	fx_free(f);
}

/* A text answer comes back from the store exactly as it was given: the
 * word "declined" stays a text, and leading spaces and newlines stay. */
static void text_round_trip(const char *text)
{
	struct fx *f = fx_new();
	char id[STORE_ID_LEN + 1];
	strcpy(id, session_id(f->ss));
	safe(f);
	int slot = deck_slot_find(deck, "act.open");
	struct answer a = { .kind = ANS_TEXT, .text = (char *)text };
	assert_int_equal(give(f, slot, &a), 0);
	fx_close(f);
	fx_open(f);
	assert_int_equal(resume(f, id), S_MOVED);
	const struct answer *back = interview_get(f->iv, slot);
	assert_int_equal(back->kind, ANS_TEXT);
	assert_string_equal(back->text, text);
	fx_free(f);
}

static void test_a_text_answer_comes_back_exactly(void **st)
{
	(void)st;
	text_round_trip("declined");
	text_round_trip("   three leading spaces");
	text_round_trip("first line\nsecond line");
	text_round_trip("dontknow");
}

/* A case begun with one deck is not resumed with another: it can only be
 * exported (its records fit that deck only). */
static void test_a_case_of_another_deck_is_not_resumed(void **st)
{
	(void)st;
	struct fx *f = fx_new();
	char id[STORE_ID_LEN + 1];
	strcpy(id, session_id(f->ss));
	safe(f);
	fx_close(f);
	fx_open(f);
	char saved = deck->identity[0];
	deck->identity[0] = saved == '0' ? '1' : '0';	/* as if the deck changed */
	enum session_outcome rc = resume(f, id);
	deck->identity[0] = saved;
	assert_int_equal(rc, S_REFUSED);
	assert_string_equal(session_id(f->ss), "");	/* no case open */
	assert_non_null(strstr(session_error(f->ss), "another version of the deck"));
	fx_free(f);
}

/* The case left after the safety screens, the store closed, and the case
 * resumed with given as the respondent's language (NULL: none given). */
static void left_and_resumed(struct fx *f, const char *given)
{
	char id[STORE_ID_LEN + 1];
	strcpy(id, session_id(f->ss));
	safe(f);
	fx_close(f);
	fx_open(f);
	session_set_second(f->ss, given);
	assert_int_equal(resume(f, id), S_MOVED);
}

static void test_the_respondents_language_is_remembered_with_the_case(void **st)
{
	(void)st;
	struct fx *f = fx_new_second("fr");
	left_and_resumed(f, NULL);
	assert_string_equal(session_second(f->ss), "fr");
	fx_free(f);
}

static void test_a_respondents_language_given_on_resume_replaces_the_cases(void **st)
{
	(void)st;
	struct fx *f = fx_new_second("fr");
	left_and_resumed(f, "es");
	assert_string_equal(session_second(f->ss), "es");
	left_and_resumed(f, NULL);	/* the latest one given is the case's now */
	assert_string_equal(session_second(f->ss), "es");
	fx_free(f);
}

static void test_a_case_without_a_respondents_language_resumes_without_one(void **st)
{
	(void)st;
	struct fx *f = fx_new();	/* as a case of an older tipscreen: no such record */
	left_and_resumed(f, NULL);
	assert_string_equal(session_second(f->ss), "");
	struct records r;
	assert_int_equal(records_load(f->store, session_id(f->ss), &r, err, sizeof err), 0);
	for (size_t i = 0; i < r.n; i++)
		assert_int_not_equal(r.v[i].event, REC_SECOND);	/* nothing recorded for none */
	records_free(&r);
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resume_restores_answers_notes_stop_and_screen),
		cmocka_unit_test(test_an_answer_that_would_contradict_is_refused),
		cmocka_unit_test(test_an_answer_with_its_move_that_would_contradict_is_refused),
		cmocka_unit_test(test_an_interview_whose_answers_contradict_cannot_be_completed),
		cmocka_unit_test(test_a_failed_commit_changes_nothing),
		cmocka_unit_test(test_every_change_is_recorded_with_old_and_new),
		cmocka_unit_test(test_failed_write_or_fsync_is_never_saved),
		cmocka_unit_test(test_a_failed_read_is_an_error_not_an_empty_list),
		cmocka_unit_test(test_an_answer_and_its_move_are_one_commit),
		cmocka_unit_test(test_a_failed_answer_and_move_leave_the_interview_as_it_was),
		cmocka_unit_test(test_a_text_answer_comes_back_exactly),
		cmocka_unit_test(test_a_case_of_another_deck_is_not_resumed),
		cmocka_unit_test(test_the_respondents_language_is_remembered_with_the_case),
		cmocka_unit_test(test_a_respondents_language_given_on_resume_replaces_the_cases),
		cmocka_unit_test(test_a_case_without_a_respondents_language_resumes_without_one),
	};
	char *state = state_home();
	int rc = cmocka_run_group_tests_name("session", tests, bundled_setup, bundled_teardown);
	state_home_remove(state);
	return rc;
}
