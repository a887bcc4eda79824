/* fastest: runs pytest suites, unchanged, much faster than pytest. */
#include "run/run.h"

int main(int argc, char **argv)
{
    return run_fastest((const char *const *)argv + 1, argc - 1);
}
