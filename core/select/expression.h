/* pytest's match expressions for -k and -m (_pytest/mark/expression.py):
 *
 *   expression: expr? EOF
 *   expr:       and_expr ('or' and_expr)*
 *   and_expr:   not_expr ('and' not_expr)*
 *   not_expr:   'not' not_expr | '(' expr ')' | ident
 *   ident:      (\w|:|\+|-|\.|\[|\]|\\|/)+
 */
#ifndef FT_SELECT_EXPRESSION_H
#define FT_SELECT_EXPRESSION_H

#include <stdbool.h>

#include "plan/arena.h"

struct sel_expression;

/* Compiles input. Returns 0 and *out (arena-owned), or FASTEST_EUSAGE with
 * *out_error set to pytest's text "at column N: expected ...; got ..."
 * (malloc'd, the caller frees), or FASTEST_ENOMEM. */
int sel_compile(struct ft_arena *arena, const char *input, struct sel_expression **out,
                char **out_error);

/* Evaluates the expression; matcher answers for each identifier. An empty
 * expression is false, as in pytest. */
bool sel_evaluate(const struct sel_expression *expression,
                  bool (*matcher)(void *context, const char *ident), void *context);

#endif
