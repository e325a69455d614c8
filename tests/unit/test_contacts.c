/* The referral contacts file: loaded, printed one field a line, refused
 * with file:line:col when a contact lacks a name or has an unknown field,
 * and found at the XDG default path. */
#include "testutil.h"

#include "domain/contacts.h"

static char *printed_for(const struct contacts *c, enum contacts_for who)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	contacts_print(c, who, f);
	fclose(f);
	return buf;
}

static char *printed(const struct contacts *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	contacts_print(c, CONTACTS_ANYONE, f);
	fclose(f);
	return buf;
}

static void test_contacts_print_in_field_order(void **st)
{
	(void)st;
	char *dir = make_dir("contacts", "# office list\nPhone: 0800 123\nName: Hotline\nFor: everyone\n\n"
			     "Name: Shelter\nNote: women and children\nAddress: on request\n", NULL);
	char path[512];
	snprintf(path, sizeof path, "%s/contacts", dir);
	struct contacts c;
	struct diags d = { 0 };
	assert_int_equal(contacts_load(path, &c, &d), 0);
	assert_int_equal(d.n, 0);
	char *out = printed(&c);
	assert_string_equal(out, "  Hotline\n    For: everyone\n    Phone: 0800 123\n"
				 "  Shelter\n    Address: on request\n    Note: women and children\n");
	free(out);
	contacts_free(&c);
	diags_free(&d);
	rm_tree(dir);
}

static void test_a_missing_file_is_no_contacts(void **st)
{
	(void)st;
	struct contacts c;
	struct diags d = { 0 };
	assert_int_equal(contacts_load("/nonexistent/tipscreen/contacts", &c, &d), 1);
	assert_int_equal(d.n, 0);
	contacts_free(&c);
}

static void test_bad_contacts_name_line_and_column(void **st)
{
	(void)st;
	char *dir = make_dir("contacts", "Name: Hotline\nEmail: x@example.org\n\nPhone: 1\n", NULL);
	char path[512];
	snprintf(path, sizeof path, "%s/contacts", dir);
	struct contacts c;
	struct diags d = { 0 };
	assert_int_equal(contacts_load(path, &c, &d), -1);
	char want[700];
	snprintf(want, sizeof want, "%s:2:1: error: unknown field 'Email' in a contact: expected "
		 "Name, For, Phone, Hours, Address or Note", path);
	assert_diag(&d, want);
	snprintf(want, sizeof want, "%s:4:1: error: a contact has no 'Name:' field", path);
	assert_diag(&d, want);
	contacts_free(&c);
	diags_free(&d);
	rm_tree(dir);
}

static void test_default_path_follows_xdg_then_home(void **st)
{
	(void)st;
	setenv("XDG_CONFIG_HOME", "/x/config", 1);
	setenv("HOME", "/x/home", 1);
	char *p = contacts_default_path();
	assert_string_equal(p, "/x/config/tipscreen/contacts");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative", 1);	/* not absolute: ignored, per the spec */
	p = contacts_default_path();
	assert_string_equal(p, "/x/home/.config/tipscreen/contacts");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	assert_null(contacts_default_path());
}

static void test_contacts_filtered_by_for_children_or_adults(void **st)
{
	(void)st;
	char *dir = make_dir("contacts", "Name: Hotline\nFor: everyone\n\n"
			     "Name: Child protection\nFor: Children: anyone under 18 now\n\n"
			     "Name: Labour rights\nFor: adults\n\nName: Childcare\nFor: childcare advice\n",
			     NULL);
	char path[512];
	snprintf(path, sizeof path, "%s/contacts", dir);
	struct contacts c;
	struct diags d = { 0 };
	assert_int_equal(contacts_load(path, &c, &d), 0);
	char *child = printed_for(&c, CONTACTS_CHILD), *adult = printed_for(&c, CONTACTS_ADULT);
	assert_non_null(strstr(child, "Child protection"));
	assert_null(strstr(child, "Labour rights"));
	assert_non_null(strstr(adult, "Labour rights"));
	assert_null(strstr(adult, "Child protection"));
	assert_non_null(strstr(adult, "Hotline"));
	assert_non_null(strstr(adult, "Childcare"));	/* "childcare" is not the word "child" */
	free(child);
	free(adult);
	contacts_free(&c);
	diags_free(&d);
	rm_tree(dir);
}

int main(void)
{
	const struct CMUnitTest t[] = {
		cmocka_unit_test(test_contacts_print_in_field_order),
		cmocka_unit_test(test_contacts_filtered_by_for_children_or_adults),
		cmocka_unit_test(test_a_missing_file_is_no_contacts),
		cmocka_unit_test(test_bad_contacts_name_line_and_column),
		cmocka_unit_test(test_default_path_follows_xdg_then_home),
	};
	return cmocka_run_group_tests(t, NULL, NULL);
}
