/* The bridge to the Python engine (python/fastest/engine): the host-table
 * entries engine_prepare/preload/run/finish. The engine is one
 * fastest.engine.Session object per process, kept in session->engine. */
#ifndef FT_PYTHON_ENGINE_H
#define FT_PYTHON_ENGINE_H

#include <stddef.h>

#include <fastest/host.h>

/* See struct fastest_host in sdk/include/fastest/host.h for each contract. */
int pyh_engine_prepare(struct fastest_session *session, char **out_error);
int pyh_engine_preload(struct fastest_session *session, const size_t *items, size_t count,
                       char **out_error);
int pyh_engine_run(struct fastest_session *session, const size_t *items, size_t count,
                   fastest_event_sink sink, void *sink_context, char **out_error);
int pyh_engine_finish(struct fastest_session *session, fastest_event_sink sink,
                      void *sink_context, char **out_error);

/* Drops the session's engine object. */
void pyh_engine_release(struct fastest_session *session);

#endif
