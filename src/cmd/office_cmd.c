/* office_cmd: `tipscreen office SUB …` seen from the command line — the
 * office context (office.h) built from the command's context and its
 * options, the office key and the known laptops opened through keys.c,
 * then the office runs SUB. The context borrows every string of both. */
#include "cmd/cmd.h"

static struct keyfile_secret *open_key(void *arg, int *rc)
{
	const struct cmd_office_opts *o = arg;
	return cmd_office_key(&o->key, rc);
}

static int load_signers(void *arg, struct seal_signer **v, size_t *n)
{
	const struct cmd_office_opts *o = arg;
	return cmd_load_signers(&o->signer, v, n);
}

int cmd_office(const struct cmd_ctx *c, const struct cmd_office_opts *o, office_fn *fn, int argc,
	       const char *const *argv)
{
	struct office_ctx x = {
		.out = c->out, .db = o->db, .key = o->key.key, .signer = o->signer.signer,
		.any_signer = o->signer.any_signer, .dry_run = o->dry_run, .receipt = o->receipt,
		.by = o->by, .k = o->k, .format = o->format, .deck = c->deck, .width = c->width,
		.since = o->since, .laptop = o->laptop, .outcome = o->outcome, .state = o->state,
		.comment = o->comment, .reviewer = o->reviewer, .show = o->show, .keep = o->keep,
		.reason = o->reason,
		.open_key = open_key, .load_signers = load_signers, .arg = (void *)o,
	};
	return office_run(&x, fn, argc, argv);
}
