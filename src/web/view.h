/* The view layer over ClearSilver: every template runs with
 * Config.VarEscapeMode = html inside the shared layout. */
#ifndef JDXX_VIEW_H
#define JDXX_VIEW_H

#include <ClearSilver/ClearSilver.h>

#include "base/arena.h"
#include "base/buf.h"

/* Sets the directory templates are loaded from. */
void	view_set_root(const char *dir);
/* A fresh data tree with the escaping mode and load path set. */
HDF	*view_new(void);
/* The same, the nodes hadd adds to it coming from arena, which must
 * outlive it: destroyed with view_destroy, never hdf_destroy, and no
 * hdf_remove_tree over a node hadd made (it would free() them). One
 * such tree at a time: a worker's request's. */
HDF	*view_new_in(struct arena *);
/* Destroys a tree, unlinking any arena nodes first. */
void	 view_destroy(HDF **);
/* Renders page (a path under the root) inside layout.cs, or on its own
 * when layout is 0. Returns 0 or -1 (the reason is logged). */
int	view_render(HDF *, const char *page, int layout, struct buf *out);
/* Frees the parsed templates view_render keeps (the worker parses each
 * template once and keeps it). */
void	view_forget_parsed(void);

/* Setters of page data: a failure (out of memory, a malformed name) is
 * logged and counted, and ctx_render then answers 500, never a page with
 * holes. */
void	hset(HDF *, const char *name, const char *value);
void	hsetf(HDF *, const char *name, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	hseti(HDF *, const char *name, long long value);
/* Room for any long long in decimal, with its sign and NUL. */
#define VIEW_DECIMAL_MAX	21
/* value in decimal, written at the end of out; returns where it starts. */
char	*view_decimal(char out[VIEW_DECIMAL_MAX], long long value);
/* The node name (made when missing), for setting a record's fields
 * relative to it instead of walking the whole name for each; NULL, and
 * counted as a value not set, when it cannot be made. */
HDF	*hnode(HDF *, const char *name);
/* A new child of node, linked on directly: for the lists that are most
 * of a page's data, where hset would search node's children for a name
 * the caller knows is not there yet, and copy it and the value. The
 * caller promises: name (no dots) is new under node, and name and value,
 * which are not copied in a tree of view_new_in's, live until the tree
 * is destroyed (the request's arena, or static text); NULL makes a node
 * without a value. hadd_copy copies value, hadd_spaced the text of a,
 * a space and b (two words a template would print with a space between,
 * at twice the cost), hadd_int writes value in decimal. NULL, counted as
 * a value not set, when memory runs out. */
HDF	*hadd(HDF *node, const char *name, const char *value);
HDF	*hadd_copy(HDF *node, const char *name, const char *value);
HDF	*hadd_spaced(HDF *node, const char *name, const char *a,
	    const char *b);
HDF	*hadd_int(HDF *node, const char *name, long long value);
/* The node name, made for children to be hadd'ed to: NULL, counted as a
 * value not set, if it cannot be made or already has children. A list's
 * items are hadd_item(list, 0), (list, 1)...: each a node named by its
 * index, for the item's fields. */
HDF	*hnew(HDF *, const char *name);
HDF	*hadd_item(HDF *list, size_t i);
/* One item of a choice as prefix.n.{code, name}, which the template
 * macro code_options lists. */
void	view_code_item(HDF *, const char *prefix, size_t n, const char *code,
	    const char *name);
/* A table of labels as prefix.N.{code, name}: code_at(i) gives the codes
 * in order until NULL, name_of their names; both the program's own text,
 * linked rather than copied. */
void	view_code_list(HDF *, const char *prefix,
	    const char *(*code_at)(size_t), const char *(*name_of)(const char *));
/* Counts a value the view could not set, as the setters do, and logs
 * what. */
void	view_fill_failed(const char *what);
/* The count of values not set, and its reset at each request's start. */
unsigned long view_fill_failures(void);
void	view_fill_reset(void);
/* Frees an error ClearSilver returned where failure changes nothing. */
void	nerr_ignore_ok(NEOERR *);

#endif
