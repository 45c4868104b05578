/* ClearSilver rendering. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "web/view.h"

static char	 view_root[512] = "templates";

void
view_set_root(const char *dir)
{
	snprintf(view_root, sizeof(view_root), "%s", dir);
}

/* Logs a ClearSilver error once and frees it. */
static void
log_neoerr(NEOERR *err, const char *what)
{
	STRING	 s;

	string_init(&s);
	nerr_error_string(err, &s);
	log_error("%s: %s", what, s.buf != NULL ? s.buf : "?");
	string_clear(&s);
	nerr_ignore(&err);
}

/* Values hset could not set since the request began. */
static unsigned long fill_failures;

void
view_fill_reset(void)
{
	fill_failures = 0;
}

void
view_fill_failed(const char *what)
{
	log_error("page data not set: %s", what);
	fill_failures++;
}

unsigned long
view_fill_failures(void)
{
	return fill_failures;
}

void
hset(HDF *hdf, const char *name, const char *value)
{
	NEOERR	*err;

	if ((err = hdf_set_value(hdf, name, value)) != STATUS_OK) {
		log_neoerr(err, name);
		fill_failures++;
	}
}

void
hsetf(HDF *hdf, const char *name, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) == -1)
		s = NULL;
	va_end(ap);
	if (s == NULL) {
		fill_failures++;
		return;
	}
	hset(hdf, name, s);
	free(s);
}

void
nerr_ignore_ok(NEOERR *err)
{
	if (err != STATUS_OK)
		nerr_ignore(&err);
}

char *
view_decimal(char out[VIEW_DECIMAL_MAX], long long value)
{
	unsigned long long	 u = value < 0 ? 0 - (unsigned long long)value :
				    (unsigned long long)value;
	char			*p = out + VIEW_DECIMAL_MAX - 1;

	*p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (value < 0)
		*--p = '-';
	return p;
}

void
hseti(HDF *hdf, const char *name, long long value)
{
	char	 v[VIEW_DECIMAL_MAX];

	/* A number needs no allocation nor printf: snprintf was a tenth of
	 * filling the county page. */
	hset(hdf, name, view_decimal(v, value));
}

HDF *
hnode(HDF *hdf, const char *name)
{
	HDF	*node;
	NEOERR	*err;

	if ((err = hdf_get_node(hdf, name, &node)) != STATUS_OK) {
		log_neoerr(err, name);
		fill_failures++;
		return NULL;
	}
	return node;
}

/*
 * The request's tree may take its added nodes from the request's arena
 * (view_use_arena): a node and its name cost a bump of the arena, not
 * two mallocs and, at the end, two frees each. hdf_destroy would free
 * them, so view_destroy first unlinks every one from the tree and frees
 * only what ClearSilver itself may have malloc'd among them: a value
 * hset replaced, a hash table, a node hset added below one of them.
 */
static HDF		*arena_root;	/* the tree whose nodes may be the arena's */
static struct arena	*node_arena;

static int
in_arena(const HDF *n)
{
	return node_arena != NULL && arena_owns(node_arena, n);
}

/* Links child on as node's last: the fields of struct _hdf
 * (ClearSilver/util/neo_hdf.h) as ClearSilver's own setter leaves them.
 * It keeps last_child as the last of a node's children whenever the node
 * has any, and a node of more than ten children has a hash table of
 * them, which must learn of the new one. */
static HDF *
link_child(HDF *node, HDF *child)
{
	NEOERR	*err;

	child->top = node->top;
	if (node->hash != NULL &&
	    (err = ne_hash_insert(node->hash, child, child)) != STATUS_OK) {
		log_neoerr(err, child->name);
		fill_failures++;	/* logged above; an arena node stays */
		if (!in_arena(child)) {
			free(child->name);
			if (child->alloc_value)
				free(child->value);
			free(child);
		}
		return NULL;
	}
	if (node->child == NULL)
		node->child = child;
	else
		node->last_child->next = child;
	node->last_child = child;
	return child;
}

/* What add_child copies: in an arena tree, a name or value not copied
 * is the caller's, who promises it outlives the tree (text the arena or
 * the program holds). A tree of malloc's own copies every name, which
 * hdf_destroy frees. */
#define COPY_VALUE	1
#define COPY_NAME	2

/* A new node named name with value, from the arena when the tree takes
 * its nodes from one, from malloc otherwise. */
static HDF *
new_node(HDF *node, const char *name, size_t len, const char *value,
    int copy)
{
	HDF	*child;
	char	*v = (char *)value;

	if (node->top == arena_root && arena_root != NULL) {
		if ((child = arena_alloc(node_arena, sizeof(*child))) == NULL)
			return NULL;
		memset(child, 0, sizeof(*child));
		child->name = (copy & COPY_NAME) ? (char *)arena_strndup(
		    node_arena, name, len) : (char *)name;
		if ((copy & COPY_VALUE) && value != NULL)
			v = (char *)arena_strdup(node_arena, value);
		if (node_arena->failed)
			return NULL;
	} else {
		if ((child = calloc(1, sizeof(*child))) == NULL)
			return NULL;
		if ((child->name = malloc(len + 1)) == NULL ||
		    ((copy & COPY_VALUE) && value != NULL &&
		    (v = strdup(value)) == NULL)) {
			free(child->name);
			free(child);
			return NULL;
		}
		memcpy(child->name, name, len + 1);
		/* Borrowed: hdf_destroy frees a value only if alloc_value. */
		child->alloc_value = (copy & COPY_VALUE) && value != NULL;
	}
	child->name_len = (int)len;
	child->value = v;
	return child;
}

static HDF *
add_child(HDF *node, const char *name, const char *value, int copy)
{
	HDF	*child;
	size_t	 len = strlen(name);

	if (node == NULL || node->link || len == 0 || len > INT_MAX ||
	    memchr(name, '.', len) != NULL ||
	    (child = new_node(node, name, len, value, copy)) == NULL) {
		view_fill_failed(name);
		return NULL;
	}
	return link_child(node, child);
}

static void	strip_arena_nodes(HDF *);

/* Frees what ClearSilver malloc'd in n, an arena node, and below it. */
static void
release_arena_node(HDF *n)
{
	HDF		*c, *next;
	HDF_ATTR	*a, *an;

	if (n->alloc_value)
		free(n->value);
	if (n->hash != NULL)
		ne_hash_destroy(&n->hash);
	for (a = n->attr; a != NULL; a = an) {
		an = a->next;
		free(a->key);
		free(a->value);
		free(a);
	}
	for (c = n->child; c != NULL; c = next) {
		next = c->next;
		if (in_arena(c))
			release_arena_node(c);
		else {
			/* ClearSilver's own node: its tree, once rid of any
			 * arena nodes below it, is destroyed as a tree. */
			strip_arena_nodes(c);
			c->next = NULL;
			c->top = c;
			hdf_destroy(&c);
		}
	}
}

/* Unlinks every arena node below n, a node of ClearSilver's own,
 * releasing each. */
static void
strip_arena_nodes(HDF *n)
{
	HDF	**link = &n->child, *c, *last = NULL;
	int	  unlinked = 0;

	while ((c = *link) != NULL) {
		if (in_arena(c)) {
			*link = c->next;
			release_arena_node(c);
			unlinked = 1;
		} else {
			strip_arena_nodes(c);
			last = c;
			link = &c->next;
		}
	}
	if (unlinked) {
		n->last_child = last;
		n->last_hp = n->last_hs = NULL;
		/* Its hash table, if any, names unlinked nodes: hdf_destroy
		 * frees the table, never what it names. */
	}
}

void
view_destroy(HDF **hdf)
{
	if (*hdf != NULL && *hdf == arena_root) {
		strip_arena_nodes(*hdf);
		arena_root = NULL;
		node_arena = NULL;
	}
	hdf_destroy(hdf);
}

HDF *
hadd(HDF *node, const char *name, const char *value)
{
	return add_child(node, name, value, 0);
}

HDF *
hadd_copy(HDF *node, const char *name, const char *value)
{
	return add_child(node, name, value, COPY_VALUE);
}

HDF *
hadd_int(HDF *node, const char *name, long long value)
{
	char	 v[VIEW_DECIMAL_MAX];

	return hadd_copy(node, name, view_decimal(v, value));
}

HDF *
hlist(HDF *hdf, const char *name)
{
	HDF	*list;

	if ((list = hnode(hdf, name)) == NULL)
		return NULL;
	if (list->child != NULL) {
		view_fill_failed(name);	/* its items would not be new */
		return NULL;
	}
	return list;
}

HDF *
hadd_item(HDF *list, size_t i)
{
	char	 d[VIEW_DECIMAL_MAX];

	return add_child(list, view_decimal(d, (long long)i), NULL, COPY_NAME);
}

HDF *
view_new(void)
{
	HDF	*hdf;
	NEOERR	*err;

	if ((err = hdf_init(&hdf)) != STATUS_OK) {
		log_neoerr(err, "hdf_init");
		return NULL;
	}
	hset(hdf, "Config.VarEscapeMode", "html");
	hset(hdf, "hdf.loadpaths.0", view_root);
	return hdf;
}

HDF *
view_new_in(struct arena *a)
{
	HDF	*hdf;

	if ((hdf = view_new()) != NULL) {
		arena_root = hdf;
		node_arena = a;
	}
	return hdf;
}

static NEOERR *
append_output(void *ctx, char *s)
{
	if (buf_adds(ctx, s) == -1)
		return nerr_raise(NERR_NOMEM, "output buffer");
	return STATUS_OK;
}

/* Parsed templates, kept for the worker's life: parsing costs more than
 * rendering, and a page's tree depends only on its name (the layout
 * includes Page.Template when parsed). */
#define VIEW_MAX_PARSED	64

struct parsed {
	char		 page[128];
	int		 layout;
	CSPARSE		*cs;
};

static struct parsed	 parsed[VIEW_MAX_PARSED];
static size_t		 nparsed;

static struct parsed *
parsed_find(const char *page, int layout)
{
	size_t	 i;

	for (i = 0; i < nparsed; i++)
		if (parsed[i].layout == layout &&
		    strcmp(parsed[i].page, page) == 0)
			return &parsed[i];
	return NULL;
}

static void
parsed_drop(struct parsed *p)
{
	cs_destroy(&p->cs);
	*p = parsed[--nparsed];
}

void
view_forget_parsed(void)
{
	while (nparsed > 0)
		parsed_drop(&parsed[0]);
}

int
view_render(HDF *hdf, const char *page, int layout, struct buf *out)
{
	struct parsed	*p;
	CSPARSE		*cs = NULL;
	NEOERR		*err = STATUS_OK;

	hset(hdf, "Page.Template", page);
	/* Re-assert the escaping mode in case a handler overwrote it. */
	hset(hdf, "Config.VarEscapeMode", "html");
	if ((p = parsed_find(page, layout)) != NULL)
		cs = p->cs;
	else {
		err = cs_init(&cs, hdf);
		if (err == STATUS_OK)
			err = cs_parse_file(cs, layout ? "layout.cs" : page);
		if (err == STATUS_OK && nparsed < VIEW_MAX_PARSED &&
		    strlen(page) < sizeof(parsed[0].page)) {
			p = &parsed[nparsed++];
			snprintf(p->page, sizeof(p->page), "%s", page);
			p->layout = layout;
			p->cs = cs;
		}
	}
	if (err == STATUS_OK) {
		/* A kept tree renders this request's data, from a clean start. */
		cs->hdf = hdf;
		cs->locals = NULL;
		err = cs_render(cs, out, append_output);
	}
	/* A failed render may leave state behind: parse afresh next time. */
	if (p != NULL && err != STATUS_OK)
		parsed_drop(p);
	else if (p == NULL)
		cs_destroy(&cs);
	if (err != STATUS_OK) {
		log_neoerr(err, page);
		return -1;
	}
	return 0;
}

void
view_code_item(HDF *hdf, const char *prefix, size_t n, const char *code,
    const char *name)
{
	char	 key[64];

	snprintf(key, sizeof(key), "%s.%zu.code", prefix, n);
	hset(hdf, key, code);
	snprintf(key, sizeof(key), "%s.%zu.name", prefix, n);
	hset(hdf, key, name);
}

void
view_code_list(HDF *hdf, const char *prefix, const char *(*code_at)(size_t),
    const char *(*name_of)(const char *))
{
	const char	*code;
	size_t		 i;

	for (i = 0; (code = code_at(i)) != NULL; i++)
		view_code_item(hdf, prefix, i, code, name_of(code));
}
