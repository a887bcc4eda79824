/* The builtin module _fastest_current_test: PYTEST_CURRENT_TEST kept in
 * the process environment without setenv(3) (see the .c file). */
#ifndef FT_PYTHON_CURRENT_TEST_VARIABLE_H
#define FT_PYTHON_CURRENT_TEST_VARIABLE_H

/* Makes the module importable by the interpreter about to start; to be
 * called before it starts. Returns 0, or -1 when out of memory. */
int pyh_register_current_test_variable(void);

#endif
