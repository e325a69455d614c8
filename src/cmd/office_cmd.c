/* office_cmd: `tipscreen office SUB …` seen from the command line — the
 * office context (office.h) built from the options, the office key and the
 * known laptops opened through keys.c, then the office runs SUB. The
 * context borrows every string of the options. */
#include "cmd/commands.h"

static struct keyfile_secret *open_key(void *arg, int *rc)
{
	return cmd_office_key(arg, rc);
}

static int load_signers(void *arg, struct seal_signer **v, size_t *n)
{
	return cmd_load_signers(arg, v, n);
}

int cmd_office(const struct options *o, office_fn *fn, int argc, const char *const *argv)
{
	struct office_ctx c = {
		.out = o->out, .db = o->db, .key = o->key, .signer = o->signer,
		.any_signer = o->any_signer, .dry_run = o->dry_run, .receipt = o->receipt,
		.by = o->by, .k = o->k, .format = o->format,
		.open_key = open_key, .load_signers = load_signers, .arg = (void *)o,
	};
	return office_run(&c, fn, argc, argv);
}
