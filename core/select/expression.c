#include "select/expression.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

enum token_type { TOKEN_LPAREN, TOKEN_RPAREN, TOKEN_OR, TOKEN_AND, TOKEN_NOT, TOKEN_IDENT, TOKEN_EOF };

/* TokenType's values, as pytest prints them in errors. */
static const char *const token_names[] = {"left parenthesis", "right parenthesis", "or", "and",
                                          "not", "identifier", "end of input"};

enum node_kind { NODE_FALSE, NODE_IDENT, NODE_NOT, NODE_AND, NODE_OR };

struct sel_expression {
    enum node_kind kind;
    const char *ident;
    const struct sel_expression *left, *right;
};

struct token {
    enum token_type type;
    const char *value;
    size_t pos; /* 0-based */
};

struct parser {
    struct ft_arena *arena;
    const char *input;
    size_t pos;
    struct token current;
    int rc;
    char *error;
};

/* Python's re \w on str is Unicode-aware: bytes of multi-byte UTF-8
 * sequences count as word characters. */
static bool ident_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == ':' || c == '+' || c == '-' || c == '.' || c == '[' || c == ']' ||
           c == '\\' || c == '/' || c >= 0x80;
}

static void fail(struct parser *parser, size_t column, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

static void fail(struct parser *parser, size_t column, const char *format, ...)
{
    if (parser->rc)
        return;
    parser->rc = FASTEST_EUSAGE;
    char message[256];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    if (asprintf(&parser->error, "at column %zu: %s", column, message) < 0)
        parser->error = NULL;
}

static void next_token(struct parser *parser)
{
    const char *input = parser->input;
    while (input[parser->pos] == ' ' || input[parser->pos] == '\t')
        parser->pos++;
    size_t start = parser->pos;
    char c = input[start];
    struct token token = {.pos = start, .value = ""};
    if (c == '\0') {
        token.type = TOKEN_EOF;
    } else if (c == '(' || c == ')') {
        token.type = c == '(' ? TOKEN_LPAREN : TOKEN_RPAREN;
        parser->pos++;
    } else if (ident_char((unsigned char)c)) {
        while (ident_char((unsigned char)input[parser->pos]))
            parser->pos++;
        size_t length = parser->pos - start;
        token.value = arena_strndup(parser->arena, input + start, length);
        if (!token.value) {
            parser->rc = FASTEST_ENOMEM;
            token.type = TOKEN_EOF;
        } else {
            token.type = strcmp(token.value, "or") == 0    ? TOKEN_OR
                         : strcmp(token.value, "and") == 0 ? TOKEN_AND
                         : strcmp(token.value, "not") == 0 ? TOKEN_NOT
                                                           : TOKEN_IDENT;
        }
    } else {
        /* Python reports the character, which may be multi-byte UTF-8. */
        size_t length = 1;
        while ((input[start + length] & 0xC0) == 0x80)
            length++;
        fail(parser, start + 1, "unexpected character \"%.*s\"", (int)length, input + start);
        token.type = TOKEN_EOF;
    }
    parser->current = token;
}

static bool accept(struct parser *parser, enum token_type type)
{
    if (parser->rc || parser->current.type != type)
        return false;
    if (type != TOKEN_EOF)
        next_token(parser);
    return true;
}

static void reject(struct parser *parser, const enum token_type *expected, size_t count)
{
    char list[128] = "";
    for (size_t i = 0; i < count; i++) {
        if (i)
            strcat(list, " OR ");
        strcat(list, token_names[expected[i]]);
    }
    fail(parser, parser->current.pos + 1, "expected %s; got %s", list,
         token_names[parser->current.type]);
}

static struct sel_expression *node(struct parser *parser, enum node_kind kind,
                                   const struct sel_expression *left,
                                   const struct sel_expression *right)
{
    struct sel_expression *made = arena_alloc(parser->arena, sizeof *made);
    if (!made) {
        parser->rc = FASTEST_ENOMEM;
        return NULL;
    }
    made->kind = kind;
    made->left = left;
    made->right = right;
    return made;
}

static struct sel_expression *parse_expr(struct parser *parser);

static struct sel_expression *parse_not(struct parser *parser)
{
    if (accept(parser, TOKEN_NOT))
        return node(parser, NODE_NOT, parse_not(parser), NULL);
    if (accept(parser, TOKEN_LPAREN)) {
        struct sel_expression *inner = parse_expr(parser);
        if (!accept(parser, TOKEN_RPAREN))
            reject(parser, (enum token_type[]){TOKEN_RPAREN}, 1);
        return inner;
    }
    const char *ident = parser->current.value;
    if (accept(parser, TOKEN_IDENT)) {
        struct sel_expression *made = node(parser, NODE_IDENT, NULL, NULL);
        if (made)
            made->ident = ident;
        return made;
    }
    reject(parser, (enum token_type[]){TOKEN_NOT, TOKEN_LPAREN, TOKEN_IDENT}, 3);
    return NULL;
}

static struct sel_expression *parse_and(struct parser *parser)
{
    struct sel_expression *result = parse_not(parser);
    while (accept(parser, TOKEN_AND))
        result = node(parser, NODE_AND, result, parse_not(parser));
    return result;
}

static struct sel_expression *parse_expr(struct parser *parser)
{
    struct sel_expression *result = parse_and(parser);
    while (accept(parser, TOKEN_OR))
        result = node(parser, NODE_OR, result, parse_and(parser));
    return result;
}

int sel_compile(struct ft_arena *arena, const char *input, struct sel_expression **out,
                char **out_error)
{
    struct parser parser = {.arena = arena, .input = input};
    *out = NULL;
    *out_error = NULL;
    next_token(&parser);
    struct sel_expression *result;
    if (accept(&parser, TOKEN_EOF)) {
        result = node(&parser, NODE_FALSE, NULL, NULL);
    } else {
        result = parse_expr(&parser);
        if (!accept(&parser, TOKEN_EOF))
            reject(&parser, (enum token_type[]){TOKEN_EOF}, 1);
    }
    if (parser.rc) {
        *out_error = parser.error ? parser.error : strdup(fastest_strerror(parser.rc));
        return parser.rc;
    }
    *out = result;
    return 0;
}

bool sel_evaluate(const struct sel_expression *expression,
                  bool (*matcher)(void *context, const char *ident), void *context)
{
    switch (expression->kind) {
    case NODE_FALSE: return false;
    case NODE_IDENT: return matcher(context, expression->ident);
    case NODE_NOT: return !sel_evaluate(expression->left, matcher, context);
    case NODE_AND:
        return sel_evaluate(expression->left, matcher, context) &&
               sel_evaluate(expression->right, matcher, context);
    case NODE_OR:
        return sel_evaluate(expression->left, matcher, context) ||
               sel_evaluate(expression->right, matcher, context);
    }
    return false;
}
