/* Page data linked on node by node (hadd), its nodes perhaps from the
 * request's arena. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "web/view.h"

/*
 * The request's tree may take its added nodes from the request's arena
 * (view_new_in): a node and its name cost a bump of the arena, not
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
		nerr_ignore(&err);
		view_fill_failed(child->name);
		/* An arena node stays in the arena. */
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
		child->name = (char *)name;
		/* Each copy checked for itself: the arena's failed flag
		 * may be left from an earlier allocation. */
		if ((copy & COPY_NAME) &&
		    (child->name = arena_copy(node_arena, name, len)) == NULL)
			return NULL;
		if ((copy & COPY_VALUE) && value != NULL &&
		    (v = arena_copy(node_arena, value, strlen(value))) == NULL)
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
hadd_spaced(HDF *node, const char *name, const char *a, const char *b)
{
	char	 both[256], *v = both;
	size_t	 la = strlen(a), lb = strlen(b);
	HDF	*child;

	if (la + lb + 2 > sizeof(both) && (v = malloc(la + lb + 2)) == NULL) {
		view_fill_failed(name);
		return NULL;
	}
	memcpy(v, a, la);
	v[la] = ' ';
	memcpy(v + la + 1, b, lb + 1);
	child = hadd_copy(node, name, v);
	if (v != both)
		free(v);
	return child;
}

HDF *
hadd_int(HDF *node, const char *name, long long value)
{
	char	 v[VIEW_DECIMAL_MAX];

	return hadd_copy(node, name, view_decimal(v, value));
}

HDF *
hnew(HDF *hdf, const char *name)
{
	HDF	*node;

	if ((node = hnode(hdf, name)) == NULL)
		return NULL;
	if (node->child != NULL) {
		view_fill_failed(name);	/* what is added would not be new */
		return NULL;
	}
	return node;
}

/* The names of lists' first items, written once for the worker's life:
 * a page's lists are short, and a name borrowed costs no copy. */
#define ITEM_NAMES	256

HDF *
hadd_item(HDF *list, size_t i)
{
	static char	 names[ITEM_NAMES][4];
	char		 d[VIEW_DECIMAL_MAX];
	const char	*n;

	if (i < ITEM_NAMES && names[i][0] != '\0')
		return add_child(list, names[i], NULL, 0);
	n = view_decimal(d, (long long)i);
	if (i >= ITEM_NAMES)
		return add_child(list, n, NULL, COPY_NAME);
	memcpy(names[i], n, strlen(n) + 1);
	return add_child(list, names[i], NULL, 0);
}

void
view_code_list(HDF *hdf, const char *prefix, const char *(*code_at)(size_t),
    const char *(*name_of)(const char *))
{
	const char	*code;
	HDF		*list, *r;
	size_t		 i;

	if ((list = hnode(hdf, prefix)) == NULL)
		return;
	/* Put before in this request: set again, name by name. */
	if (hdf_obj_child(list) != NULL) {
		for (i = 0; (code = code_at(i)) != NULL; i++)
			view_code_item(hdf, prefix, i, code, name_of(code));
		return;
	}
	/* Codes and their names are the program's own text: linked. */
	for (i = 0; (code = code_at(i)) != NULL; i++)
		if ((r = hadd_item(list, i)) != NULL) {
			hadd(r, "code", code);
			hadd(r, "name", name_of(code));
		}
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
