#include "python/interpreter_probe.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

char *find_on_path(const char *command)
{
    if (strchr(command, '/'))
        return access(command, X_OK) == 0 ? strdup(command) : NULL;
    const char *path = getenv("PATH");
    char *folders = strdup(path ? path : "/usr/bin:/bin");
    char *cursor = folders, *found = NULL;
    for (char *folder; folders && !found && (folder = strsep(&cursor, ":"));) {
        char *candidate;
        if (asprintf(&candidate, "%s/%s", *folder ? folder : ".", command) < 0)
            break;
        if (access(candidate, X_OK) == 0)
            found = candidate;
        else
            free(candidate);
    }
    free(folders);
    return found;
}

/* Runs script to print sys.executable; its output, malloc'd, or NULL. */
static char *run_probe(const char *script)
{
    int pipe_fds[2];
    if (pipe(pipe_fds) < 0)
        return NULL;
    pid_t child = fork();
    if (child < 0) {
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        return NULL;
    }
    if (child == 0) {
        dup2(pipe_fds[1], STDOUT_FILENO);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        execl(script, script, "-I", "-c", "import sys; print(sys.executable)", (char *)NULL);
        _exit(127);
    }
    close(pipe_fds[1]);
    char output[PATH_MAX + 2];
    size_t size = 0;
    ssize_t got;
    while (size < sizeof output - 1 &&
           (got = read(pipe_fds[0], output + size, sizeof output - 1 - size)) != 0) {
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            break;
        size += (size_t)got;
    }
    close(pipe_fds[0]);
    int status;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR)
        ;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || size == 0)
        return NULL;
    output[size] = '\0';
    output[strcspn(output, "\n")] = '\0';
    return output[0] == '/' ? strdup(output) : NULL;
}

static long long mtime_of(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0
               ? (long long)info.st_mtim.tv_sec * 1000000000LL + info.st_mtim.tv_nsec
               : -1;
}

/* What decides where a wrapper leads: the wrapper itself, PYENV_VERSION,
 * and the version files pyenv reads (.python-version from the working
 * directory up, then $PYENV_ROOT/version), each by modification time. Any
 * change gives another key, and the wrapper is asked again. */
static char *cache_key(const char *script)
{
    char *key = NULL;
    const char *pyenv_version = getenv("PYENV_VERSION");
    const char *pyenv_root = getenv("PYENV_ROOT");
    char global_version[PATH_MAX];
    if (pyenv_root)
        snprintf(global_version, sizeof global_version, "%s/version", pyenv_root);
    else
        snprintf(global_version, sizeof global_version, "%s/.pyenv/version",
                 getenv("HOME") ? getenv("HOME") : "/");
    if (asprintf(&key, "%s|%lld|%s|%lld", script, mtime_of(script),
                 pyenv_version ? pyenv_version : "", mtime_of(global_version)) < 0)
        return NULL;
    char folder[PATH_MAX];
    if (!getcwd(folder, sizeof folder))
        return key;
    for (;;) {
        char version_file[PATH_MAX + 32];
        snprintf(version_file, sizeof version_file, "%s/.python-version", folder);
        long long mtime = mtime_of(version_file);
        if (mtime >= 0) {
            char *longer;
            if (asprintf(&longer, "%s|%s|%lld", key, folder, mtime) >= 0) {
                free(key);
                key = longer;
            }
            break;
        }
        char *slash = strrchr(folder, '/');
        if (!slash || slash == folder)
            break;
        *slash = '\0';
    }
    return key;
}

/* ~/.cache/fastest/interpreters (or under $XDG_CACHE_HOME). */
static int cache_path(char *out, size_t size)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg)
        return snprintf(out, size, "%s/fastest/interpreters", xdg) < (int)size ? 0 : -1;
    if (home && *home)
        return snprintf(out, size, "%s/.cache/fastest/interpreters", home) < (int)size ? 0 : -1;
    return -1;
}

/* The cached answer for key, when its executable still exists. */
static char *cache_lookup(const char *file, const char *key)
{
    FILE *stream = fopen(file, "r");
    if (!stream)
        return NULL;
    char line[3 * PATH_MAX];
    char *found = NULL;
    size_t key_length = strlen(key);
    while (!found && fgets(line, sizeof line, stream)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, key, key_length) == 0 && line[key_length] == '\t' &&
            access(line + key_length + 1, X_OK) == 0)
            found = strdup(line + key_length + 1);
    }
    fclose(stream);
    return found;
}

/* Adds key -> executable; written whole to a temporary file and renamed,
 * so readers never see half a file. Failing to cache is not an error. */
static void cache_store(const char *file, const char *key, const char *executable)
{
    char folder[PATH_MAX];
    snprintf(folder, sizeof folder, "%s", file);
    for (char *slash = strchr(folder + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        mkdir(folder, 0755);
        *slash = '/';
    }
    char temporary[PATH_MAX + 32];
    snprintf(temporary, sizeof temporary, "%s.%ld", file, (long)getpid());
    FILE *out = fopen(temporary, "w");
    if (!out)
        return;
    FILE *in = fopen(file, "r");
    char line[3 * PATH_MAX];
    size_t key_length = strlen(key);
    for (int kept = 0; in && kept < 64 && fgets(line, sizeof line, in);) {
        if (strncmp(line, key, key_length) == 0 && line[key_length] == '\t')
            continue;
        fputs(line, out);
        kept++;
    }
    if (in)
        fclose(in);
    fprintf(out, "%s\t%s\n", key, executable);
    if (fclose(out) == 0)
        rename(temporary, file);
    else
        unlink(temporary);
}

char *probe_real_executable(const char *script)
{
    char file[PATH_MAX];
    char *key = cache_key(script);
    bool cacheable = key && cache_path(file, sizeof file) == 0;
    char *executable = cacheable ? cache_lookup(file, key) : NULL;
    if (!executable) {
        executable = run_probe(script);
        if (executable && cacheable)
            cache_store(file, key, executable);
    }
    free(key);
    return executable;
}
