/* fastest plugin SDK: everything at once. */
#ifndef FASTEST_H
#define FASTEST_H

#include "errors.h"
#include "event.h"
#include "export.h"
#include "fixture.h"
#include "host.h"
#include "plugin.h"
#include "reporter.h"
#include "strategy.h"
#include "version.h"

#endif
