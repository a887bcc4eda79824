/* Fixture definitions: what a @pytest.fixture decorator declares. */
#include "discovery/fixture.h"

#include <string.h>

/* @pytest.fixture definitions: name=, scope=, autouse=, params=. */
void disc_record_fixture(struct extractor *ex, const struct binding *entry,
                         const struct function_info *info, const char *class_name)
{
    struct disc_module *module = ex->module;
    struct disc_fixture *fixture =
        EX_PUSH(ex, module->fixtures, module->fixture_count, ex->fixture_capacity);
    if (!fixture)
        return;
    fixture->name = entry->name;
    fixture->class_name = class_name;
    fixture->line = info->line;
    size_t count;
    fixture->argnames = disc_argnames_of(ex, entry->definition, class_name != NULL, 0, &count);
    fixture->argname_count = count;
    if (!ex_type_is(info->fixture_call, "call"))
        return;
    TSNode args = ts_node_child_by_field_name(info->fixture_call, "arguments", 9);
    uint32_t arg_count = lit_named_count(args);
    for (uint32_t i = 0; i < arg_count; i++) {
        TSNode argument = ts_node_named_child(args, i);
        if (!ex_type_is(argument, "keyword_argument")) {
            if (!ex_type_is(argument, "comment") && i == 0) /* fixture(scope) positionally */
                fixture->scope = PLAN_SCOPE_DYNAMIC;
            continue;
        }
        TSNode key = ts_node_child_by_field_name(argument, "name", 4);
        TSNode node = ts_node_child_by_field_name(argument, "value", 5);
        const struct lit_value *value = lit_eval(ex->arena, &ex->scope, node);
        if (ex_is(ex, key, "name") && value->kind == LIT_STR) {
            fixture->name = value->text;
        } else if (ex_is(ex, key, "autouse")) {
            fixture->autouse = value->kind == LIT_BOOL ? value->integer != 0 : true;
        } else if (ex_is(ex, key, "params")) {
            fixture->has_params = value->kind != LIT_NONE;
            fixture->params_literal = value->kind == LIT_LIST || value->kind == LIT_TUPLE;
        } else if (ex_is(ex, key, "scope")) {
            static const char *const scopes[] = {"function", "class", "module", "package",
                                                 "session"};
            fixture->scope = PLAN_SCOPE_DYNAMIC;
            for (size_t s = 0; value->kind == LIT_STR && s < 5; s++)
                if (strcmp(value->text, scopes[s]) == 0)
                    fixture->scope = (enum plan_fixture_scope)s;
        }
    }
}
