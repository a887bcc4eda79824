#include "writer.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <fastest/event.h>

void writer_init(struct writer *writer, int fd, bool has_markup, int fullwidth)
{
    *writer = (struct writer){.fd = fd, .has_markup = has_markup, .fullwidth = fullwidth};
}

void writer_flush(struct writer *writer)
{
    if (writer->pending.data)
        writer->pending.length =
            fastest_text_restore_nul(writer->pending.data, writer->pending.length);
    const char *data = writer->pending.data;
    size_t left = writer->pending.length;
    while (left) {
        ssize_t written = write(writer->fd, data, left);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            break; /* stdout is gone: nothing better to do than drop it */
        data += written;
        left -= (size_t)written;
    }
    text_clear(&writer->pending);
}

void writer_close(struct writer *writer)
{
    writer_flush(writer);
    text_free(&writer->pending);
}

static const char *const color_codes[] = {"", "31", "32", "33", "36"};

void writer_markup(const struct writer *writer, struct text *out, const char *message,
                   unsigned markup)
{
    unsigned color = markup & MARKUP_COLOR_MASK;
    if (!writer->has_markup || markup == MARKUP_NONE) {
        text_append_str(out, message);
        return;
    }
    bool bold_first = (markup & MARKUP_BOLD_FIRST) != 0;
    if (bold_first)
        text_append_str(out, "\x1b[1m");
    if (color)
        text_printf(out, "\x1b[%sm", color_codes[color]);
    if ((markup & MARKUP_BOLD) && !bold_first)
        text_append_str(out, "\x1b[1m");
    text_append_str(out, message);
    text_append_str(out, "\x1b[0m");
}

void writer_write(struct writer *writer, const char *message, unsigned markup)
{
    if (!*message)
        return;
    const char *last_newline = strrchr(message, '\n');
    const char *tail = last_newline ? last_newline + 1 : message;
    size_t tail_width = text_width(tail, strlen(tail));
    writer->current_line_width = last_newline ? tail_width : writer->current_line_width + tail_width;
    writer_markup(writer, &writer->pending, message, markup);
}

void writer_line(struct writer *writer, const char *message, unsigned markup)
{
    writer_write(writer, message, markup);
    writer_write(writer, "\n", MARKUP_NONE);
}

void writer_sep(struct writer *writer, const char *sepchar, const char *title, int fullwidth,
                unsigned markup)
{
    if (fullwidth <= 0)
        fullwidth = writer->fullwidth;
    int sep_length = (int)strlen(sepchar);
    struct text line = {0};
    if (title) {
        int title_width = (int)text_width(title, strlen(title));
        int fill = (fullwidth - title_width - 2) / (2 * sep_length);
        if (fill < 1)
            fill = 1;
        for (int i = 0; i < fill; i++)
            text_append_str(&line, sepchar);
        text_printf(&line, " %s ", title);
        for (int i = 0; i < fill; i++)
            text_append_str(&line, sepchar);
    } else {
        for (int i = 0; i < fullwidth / sep_length; i++)
            text_append_str(&line, sepchar);
    }
    /* room for one more trailing sepchar (a "_ " sep needs only its "_") */
    size_t trimmed = (size_t)sep_length;
    while (trimmed && sepchar[trimmed - 1] == ' ')
        trimmed--;
    if ((int)(text_width(text_str(&line), line.length) + trimmed) <= fullwidth)
        text_append(&line, sepchar, trimmed);
    writer_line(writer, text_str(&line), markup);
    text_free(&line);
}
