#include "app/frontend.h"

/* One action through the door, and its outcome shown. */
static enum session_outcome apply(const struct frontend_ops *ops, void *fe, struct session *s,
				  const struct session_action *a)
{
	enum session_outcome o = session_do(s, a);
	ops->show(fe, a, o);
	return o;
}

/* The start screen: until a case is begun or resumed, or the person
 * leaves. A language switch stays on it. */
static bool started(const struct frontend_ops *ops, void *fe, struct session *s)
{
	for (;;) {
		struct session_action a;
		if (ops->start(fe, &a) != FE_ACTION)
			return false;
		enum session_outcome o = apply(ops, fe, s, &a);
		if ((a.verb == DO_BEGIN || a.verb == DO_RESUME) && o == S_MOVED)
			return true;
	}
}

int frontend_second(const struct session *s, const struct langs *l)
{
	const char *tag = session_second(s);
	return l && *tag ? langs_find(l, tag) : -1;
}

int frontend_run(const struct frontend_ops *ops, struct session *s, const struct frontend_opts *o)
{
	if (o->langs && o->second >= 0)
		session_set_second(s, catalog_lang(o->langs->v[o->second]));
	void *fe = ops->open(s, o);
	if (!fe)
		return -1;
	const struct interview *iv = session_interview(s);
	bool go = started(ops, fe, s);
	while (go && !interview_complete(iv)) {
		struct session_action a;
		if (ops->read(fe, &a) != FE_ACTION)
			break;
		apply(ops, fe, s, &a);
	}
	bool complete = interview_complete(iv);
	int sig = ops->close(fe);
	return sig ? sig : complete ? FRONTEND_COMPLETE : FRONTEND_LEFT;
}
