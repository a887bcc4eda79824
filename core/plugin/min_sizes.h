/* The smallest size each boundary struct may have: the end of its last
 * ABI 1.0 member. A struct shorter than this was not built against the
 * SDK it claims. When ABI 1.1 appends members, these stay as they are: a
 * 1.0 plugin is still whole. */
#ifndef FT_PLUGIN_MIN_SIZES_H
#define FT_PLUGIN_MIN_SIZES_H

#include <stddef.h>

#include <fastest/fixture.h>
#include <fastest/plugin.h>
#include <fastest/reporter.h>
#include <fastest/strategy.h>

#define FT_END_OF(type, member) (offsetof(type, member) + sizeof(((type *)0)->member))

#define FT_MIN_SIZE_PLUGIN FT_END_OF(struct fastest_plugin, option_count)
#define FT_MIN_SIZE_STRATEGY FT_END_OF(struct fastest_strategy, run)
#define FT_MIN_SIZE_REPORTER FT_END_OF(struct fastest_reporter, close)
#define FT_MIN_SIZE_FIXTURES FT_END_OF(struct fastest_fixture_provider, fixture_count)

#endif
