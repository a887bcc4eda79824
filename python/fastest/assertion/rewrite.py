"""The assert rewriter: turns ``assert`` statements into code that explains
their failure exactly as pytest 7.2's rewritten asserts do.

``assert test, msg`` becomes statements that evaluate ``test`` piece by piece
into temporaries named ``@py_assertN`` (``@`` keeps them clear of user names),
and, only when it is false, builds the explanation: a %-format template in the
marker language of :mod:`.explanation`, whose ``%(pyN)s`` slots are filled
with reprs of the intermediate values, laid out by
``runtime.format_explanation`` and raised as ``AssertionError``.

Every visitor returns ``(value_expr, explanation_template)``. Format contexts
nest: a comparison or boolean operation formats its own template as soon as its
operands are known, and offers the result as one slot of the enclosing
template. The temporaries are reset to None afterwards so that values are not
kept alive by the frame.
"""
from __future__ import annotations

import ast
import itertools
import sys
import types
import warnings

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Iterator, List, Optional, Tuple

    Visited = Tuple[ast.expr, str]

RUNTIME_MODULE = "fastest.assertion.runtime"
_RUNTIME_ALIAS = "@fastest_ar"
_BUILTINS_ALIAS = "@py_builtins"
_OPT_OUT_MARK = "PYTEST_DONT_REWRITE"

_UNARY_TEMPLATES = {ast.Not: "not %s", ast.Invert: "~%s", ast.USub: "-%s", ast.UAdd: "+%s"}

# Operator spellings in templates; "%" is doubled for the %-formatting.
_OPERATOR_SYMBOLS = {
    ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&", ast.LShift: "<<", ast.RShift: ">>",
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%%",
    ast.Pow: "**", ast.MatMult: "@",
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
}  # fmt: skip

def is_rewrite_disabled(docstring: str) -> bool:
    """True when a module's docstring opts it out of rewriting."""
    return _OPT_OUT_MARK in docstring


def _walk(node: ast.AST) -> Iterator[ast.AST]:
    yield node
    for child in ast.iter_child_nodes(node):
        yield from _walk(child)


def _string(text: str) -> ast.Constant:
    return ast.Constant(text)


def _load(name: str) -> ast.Name:
    return ast.Name(name, ast.Load())


def _store(name: str) -> ast.Name:
    return ast.Name(name, ast.Store())


def _warn_always_true(path: str, lineno: int) -> None:
    """pytest warns about ``assert (x, "msg")``, whose tuple is always true."""
    pytest_module = sys.modules.get("pytest")
    category = getattr(pytest_module, "PytestAssertRewriteWarning", UserWarning)
    warnings.warn_explicit(
        category("assertion is always true, perhaps remove parentheses?"),
        category=None,
        filename=path,
        lineno=lineno,
    )


class _AssertTranslator:
    """Translates one ``assert`` statement (see the module docstring)."""

    def __init__(self, path: str) -> None:
        self.path = path

    def translate(self, assert_: ast.Assert) -> List[ast.stmt]:
        if isinstance(assert_.test, ast.Tuple) and assert_.test.elts:
            _warn_always_true(self.path, assert_.lineno)
        self.statements: List[ast.stmt] = []
        self.temporaries: List[str] = []
        self.counter = itertools.count()
        self.contexts: List[Dict[str, ast.expr]] = []
        self.on_failure: List[ast.stmt] = []
        self.push_context()

        condition, template = self.visit(assert_.test)
        failure = self.on_failure
        self.statements.append(ast.If(ast.UnaryOp(ast.Not(), condition), failure, []))
        if assert_.msg:
            opening: ast.expr = self.runtime("format_custom_message", assert_.msg)
            template = "\n>assert " + template
        else:
            opening = _string("")
            template = "assert " + template
        message = self.pop_context(ast.BinOp(opening, ast.Add(), _string(template)))
        laid_out = self.runtime("format_explanation", message)
        failure.append(ast.Raise(ast.Call(_load("AssertionError"), [laid_out], []), None))

        if self.temporaries:
            reset = ast.Assign([_store(name) for name in self.temporaries], ast.Constant(None))
            self.statements.append(reset)
        for statement in self.statements:
            for node in _walk(statement):
                ast.copy_location(node, assert_)
        return self.statements

    # -- building blocks ------------------------------------------------------

    def temporary(self) -> str:
        name = "@py_assert" + str(next(self.counter))
        self.temporaries.append(name)
        return name

    def assign(self, expr: ast.expr) -> ast.Name:
        """Evaluate ``expr`` into a new temporary, returning a load of it."""
        name = self.temporary()
        self.statements.append(ast.Assign([_store(name)], expr))
        return _load(name)

    def runtime(self, function: str, *args: ast.expr) -> ast.Call:
        return ast.Call(ast.Attribute(_load(_RUNTIME_ALIAS), function, ast.Load()), list(args), [])

    def shown(self, expr: ast.expr) -> ast.Call:
        return self.runtime("saferepr_for_message", expr)

    def slot(self, expr: ast.expr) -> str:
        """A ``%(pyN)s`` slot of the current template, filled with ``expr``."""
        key = "py" + str(next(self.counter))
        self.contexts[-1][key] = expr
        return "%(" + key + ")s"

    def push_context(self) -> None:
        self.contexts.append({})

    def pop_context(self, template: ast.expr) -> ast.Name:
        """Fill the current context's slots into ``template`` (on failure only),
        returning the name that holds the formatted text."""
        slots = self.contexts.pop()
        filled = ast.BinOp(template, ast.Mod(), ast.Dict([_string(key) for key in slots], list(slots.values())))
        name = "@py_format" + str(next(self.counter))
        self.on_failure.append(ast.Assign([_store(name)], filled))
        return _load(name)

    # -- visitors -------------------------------------------------------------

    def visit(self, node: ast.expr) -> Visited:
        visitor = getattr(self, "visit_" + type(node).__name__, self.visit_other)
        return visitor(node)

    def visit_other(self, node: ast.expr) -> Visited:
        """Any expression without its own rule: shown by its value."""
        value = self.assign(node)
        return value, self.slot(self.shown(value))

    def visit_Name(self, name: ast.Name) -> Visited:
        # Locals are always shown; globals only when their name says too little.
        is_local = ast.Compare(
            _string(name.id), [ast.In()], [ast.Call(ast.Attribute(_load(_BUILTINS_ALIAS), "locals", ast.Load()), [], [])]
        )
        show = ast.BoolOp(ast.Or(), [is_local, self.runtime("should_repr_global", name)])
        return name, self.slot(ast.IfExp(show, self.shown(name), _string(name.id)))

    def visit_BoolOp(self, boolop: ast.BoolOp) -> Visited:
        result = self.temporary()
        explained = self.assign(ast.List([], ast.Load()))
        append = ast.Attribute(explained, "append", ast.Load())
        is_or = isinstance(boolop.op, ast.Or)
        outer_statements, outer_failure = self.statements, self.on_failure
        body = self.statements
        self.push_context()
        # Each operand is evaluated, and explained, only when the previous ones
        # did not decide the result: the same short-circuit as Python's.
        decided: Optional[ast.expr] = None
        for index, operand in enumerate(boolop.values):
            if decided is not None:
                explain_next: List[ast.stmt] = []
                self.on_failure.append(ast.If(decided, explain_next, []))
                self.on_failure = explain_next
            self.push_context()
            value, template = self.visit(operand)
            body.append(ast.Assign([_store(result)], value))
            self.on_failure.append(ast.Expr(ast.Call(append, [self.pop_context(_string(template))], [])))
            if index < len(boolop.values) - 1:
                decided = ast.UnaryOp(ast.Not(), value) if is_or else value
                evaluate_next: List[ast.stmt] = []
                self.statements.append(ast.If(decided, evaluate_next, []))
                self.statements = body = evaluate_next
        self.statements, self.on_failure = outer_statements, outer_failure
        joined = self.pop_context(self.runtime("format_boolop", explained, ast.Constant(int(is_or))))
        return _load(result), self.slot(joined)

    def visit_UnaryOp(self, unary: ast.UnaryOp) -> Visited:
        operand, template = self.visit(unary.operand)
        return self.assign(ast.UnaryOp(unary.op, operand)), _UNARY_TEMPLATES[type(unary.op)] % (template,)

    def visit_BinOp(self, binop: ast.BinOp) -> Visited:
        left, left_template = self.visit(binop.left)
        right, right_template = self.visit(binop.right)
        template = f"({left_template} {_OPERATOR_SYMBOLS[type(binop.op)]} {right_template})"
        return self.assign(ast.BinOp(left, binop.op, right)), template

    def visit_Call(self, call: ast.Call) -> Visited:
        function, function_template = self.visit(call.func)
        args: List[ast.expr] = []
        keywords: List[ast.keyword] = []
        arg_templates: List[str] = []
        for arg in call.args:
            value, template = self.visit(arg)
            args.append(value)
            arg_templates.append(template)
        for keyword in call.keywords:
            value, template = self.visit(keyword.value)
            keywords.append(ast.keyword(keyword.arg, value))
            arg_templates.append(f"{keyword.arg}={template}" if keyword.arg else "**" + template)
        result = self.assign(ast.Call(function, args, keywords))
        shown = self.slot(self.shown(result))
        return result, f"{shown}\n{{{shown} = {function_template}({', '.join(arg_templates)})\n}}"

    def visit_Starred(self, starred: ast.Starred) -> Visited:
        value, template = self.visit(starred.value)
        return ast.Starred(value, starred.ctx), "*" + template

    def visit_Attribute(self, attribute: ast.Attribute) -> Visited:
        if not isinstance(attribute.ctx, ast.Load):
            return self.visit_other(attribute)
        owner, owner_template = self.visit(attribute.value)
        result = self.assign(ast.Attribute(owner, attribute.attr, ast.Load()))
        shown = self.slot(self.shown(result))
        return result, f"{shown}\n{{{shown} = {owner_template}.{attribute.attr}\n}}"

    def visit_Compare(self, compare: ast.Compare) -> Visited:
        self.push_context()
        left, left_template = self.visit(compare.left)
        if isinstance(compare.left, (ast.Compare, ast.BoolOp)):
            left_template = f"({left_template})"
        links = [self.temporary() for _ in compare.ops]
        symbols: List[ast.expr] = []
        link_templates: List[ast.expr] = []
        operands: List[ast.expr] = [left]
        for link, op, right_node in zip(links, compare.ops, compare.comparators):
            right, right_template = self.visit(right_node)
            if isinstance(right_node, (ast.Compare, ast.BoolOp)):
                right_template = f"({right_template})"
            operands.append(right)
            symbol = _OPERATOR_SYMBOLS[type(op)]
            symbols.append(_string(symbol))
            link_templates.append(_string(f"{left_template} {symbol} {right_template}"))
            self.statements.append(ast.Assign([_store(link)], ast.Compare(left, [op], [right])))
            left, left_template = right, right_template
        link_values: List[ast.expr] = [_load(link) for link in links]
        explained = self.runtime(
            "explain_comparison",
            ast.Tuple(symbols, ast.Load()),
            ast.Tuple(link_values, ast.Load()),
            ast.Tuple(link_templates, ast.Load()),
            ast.Tuple(operands, ast.Load()),
        )
        result: ast.expr = ast.BoolOp(ast.And(), link_values) if len(links) > 1 else link_values[0]
        return result, self.slot(self.pop_context(explained))


def _is_string_statement(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def _module_prologue(module: ast.Module) -> Tuple[int, bool]:
    """Where the module's prologue (its docstring and ``__future__`` imports, in
    any order, as pytest reads it) ends, and whether its docstring opts out."""
    expect_docstring = True
    position = 0
    for position, item in enumerate(module.body):
        if expect_docstring and _is_string_statement(item):
            assert isinstance(item, ast.Expr) and isinstance(item.value, ast.Constant)
            if is_rewrite_disabled(item.value.value):
                return position, True
            expect_docstring = False
        elif not (isinstance(item, ast.ImportFrom) and item.level == 0 and item.module == "__future__"):
            return position, False
    return position + 1, False


def _insert_runtime_imports(module: ast.Module, position: int) -> None:
    """Import builtins and the runtime helpers under names user code cannot
    spell, at ``position`` (after the prologue, which must stay first)."""
    item = module.body[min(position, len(module.body) - 1)]
    # Decorated functions start at their first decorator (pytest issue #4984).
    if isinstance(item, ast.FunctionDef) and item.decorator_list:
        lineno = item.decorator_list[0].lineno
    else:
        lineno = item.lineno
    imports: List[ast.stmt] = [
        ast.Import([ast.alias(module_name, alias, lineno=lineno, col_offset=0)], lineno=lineno, col_offset=0)
        for module_name, alias in (("builtins", _BUILTINS_ALIAS), (RUNTIME_MODULE, _RUNTIME_ALIAS))
    ]
    module.body[position:position] = imports


def _rewrite_statement_lists(root: ast.AST, translator: _AssertTranslator) -> None:
    """Replace every assert in every statement list below ``root``."""
    pending = [root]
    while pending:
        node = pending.pop()
        for field_name, field in ast.iter_fields(node):
            if isinstance(field, list):
                replaced: List[ast.AST] = []
                for child in field:
                    if isinstance(child, ast.Assert):
                        replaced.extend(translator.translate(child))
                    else:
                        replaced.append(child)
                        if isinstance(child, ast.AST):
                            pending.append(child)
                setattr(node, field_name, replaced)
            elif isinstance(field, ast.AST) and not isinstance(field, ast.expr):
                # Expressions cannot hold statements, so cannot hold asserts.
                pending.append(field)


def rewrite_tree(module: ast.Module, path: str) -> bool:
    """Rewrite the asserts of a parsed module in place; False (and the tree
    untouched) when its docstring opts out."""
    if not module.body:
        return True
    position, opted_out = _module_prologue(module)
    if opted_out:
        return False
    _insert_runtime_imports(module, position)
    _rewrite_statement_lists(module, _AssertTranslator(path))
    return True


def rewrite_module(source: bytes, path: str) -> Optional[types.CodeType]:
    """Compile a module's source with its asserts rewritten.

    Returns None when the module opts out (``PYTEST_DONT_REWRITE`` in its
    docstring): the caller compiles it plainly. Raises SyntaxError as
    ``compile`` does. ``path`` becomes the code's ``co_filename``.
    """
    tree = ast.parse(source, filename=path)
    if not rewrite_tree(tree, path):
        return None
    return compile(tree, path, "exec", dont_inherit=True)
