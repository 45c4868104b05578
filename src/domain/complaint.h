/* Complaints about outlets: filing (once per form token), the receipt's
 * tracking number and query code, public tracking, and the handling
 * steps with working-day deadlines. */
#ifndef JDXX_COMPLAINT_H
#define JDXX_COMPLAINT_H

#include "base/arena.h"
#include "db/db.h"
#include "domain/complaint_channel.h"
#include "domain/complaint_flow.h"
#include "domain/result.h"
#include "domain/workday.h"

#define COMPLAINT_DESC_MAX	4000	/* characters */
#define COMPLAINT_CODE_LEN	8
#define COMPLAINT_NO_LEN	9	/* XXXX-XXXX */
#define COMPLAINT_REOPEN_DAYS	15

struct audit_by;
struct image_out;

struct complaint_input {
	const char	*channel;	/* a complaint_channel code; NULL: web */
	/* Who typed it in (staff intake: the entry is audited as theirs),
	 * or NULL for the public's own. */
	const struct audit_by *entered_by;
	const char	*name;
	const char	*phone;
	const char	*region;	/* the complainant's township */
	const char	*category;	/* a complaint_category code */
	long long	 outlet_id;	/* 0 when the shop is not listed */
	const char	*outlet_region;	/* the listed shop's: complaint_check's */
	const char	*outlet_name;	/* when not listed */
	const char	*outlet_address;
	const char	*purchase_date;	/* YYYY-MM-DD or "" */
	const char	*product_category; /* a category code or "" */
	const char	*product_model;
	const char	*invoice_no;
	const char	*description;
	const char	*address;	/* the client's, for rate limits */
	/* How the complainant hears of its steps (enum notify_by; 0:
	 * not at all), and the address for email. */
	int		 notify_by;
	const char	*notify_email;
	/* Photos already cleaned (complaint_photo_clean), kept with it. */
	const struct image_out *photos;
	size_t		 nphotos;
};

/* Where a complaint is handled: the listed outlet's township
 * (outlet_region, as complaint_check found it), or for a shop not
 * listed the complainant's township. */
const char	*complaint_region_handled(const struct complaint_input *);

struct complaint_receipt {
	long long id;			/* the complaint's */
	char	 tracking_no[COMPLAINT_NO_LEN + 1];
	char	 code[COMPLAINT_CODE_LEN + 1];
	char	 accept_due[11];
	char	 channel[COMPLAINT_CHANNEL_CODE_MAX + 1];
	long long entered_by;		/* the staff account's, or 0 */
	int	 existing;	/* the token had filed it before */
};

/* Files a complaint, its first event and its photos in one transaction,
 * or, when the form token filed one before, answers with that one's
 * receipt.
 * The query code is derived from the token with the secret, so a retry
 * shows the same receipt; only a keyed hash of it is stored. A NULL
 * token files without that guard (a fresh one is made). One entered by
 * staff keeps who did, its first step is theirs, the same transaction
 * writes its audit row (complaint_intake), and no client address is
 * kept for it: the per-address limits count the public's filings. */
enum domain_status complaint_file(const struct complaint_input *,
		    const char *form_token, const char *secret,
		    const struct calendar *, int accept_days,
		    struct complaint_receipt *);
/* What a complaint may break of the rules every channel (the web form,
 * Open311, staff intake) shares; each channel names them in its words. */
enum complaint_fault {
	COMPLAINT_BAD_PHONE = 1,	/* given, but no number to call */
	COMPLAINT_BAD_TOWNSHIP = 2,	/* region is not a township */
	COMPLAINT_BAD_OUTLET = 4,	/* outlet_id names no outlet */
	COMPLAINT_BAD_CATEGORY = 8,	/* not a complaint category */
	COMPLAINT_BAD_PURCHASE_DATE = 16, /* after today */
	COMPLAINT_BAD_CHANNEL = 32,	/* unknown, or not the filer's: staff
					 * enter only the channels that reach
					 * them, the public only web, open311 */
	COMPLAINT_BAD_NOTIFY_EMAIL = 64, /* email chosen, no valid address */
	COMPLAINT_BAD_NOTIFY_SMS = 128,	/* SMS chosen, no mobile number */
};
/* Checks in against those rules: *faults gets the enum complaint_fault
 * bits; outlet_region the listed outlet's township ("" without one). */
enum domain_status complaint_check(const struct complaint_input *,
		    unsigned *faults, char outlet_region[13]);
/* How many complaints an address (its /64 for IPv6) filed in the last
 * hour, counted up to limit. */
enum domain_status complaints_filed_from(const char *address, long long limit,
		    long long *n);
/* A new random form token (43 characters). */
void		complaint_form_token(char out[44]);
/* 1 for a Chinese mobile (1[3-9]x, 11 digits) or landline (0 + area
 * code, 7-8 digits, optional '-' and extension) number. */
int		complaint_phone_valid(const char *);
/* What a complaint is about; strings live in the arena of the read. */
struct complaint_category {
	const char	*code;
	const char	*name;
	const char	*description;
};

/* The i-th of a list of struct complaint_category. */
static inline const struct complaint_category *
complaint_category_at(const struct arena_list *l, size_t i)
{
	return &((const struct complaint_category *)l->item)[i];
}

/* Every category, in sort order, into list (struct complaint_category). */
enum domain_status complaint_categories(struct arena *,
		    struct arena_list *list);
/* *found is 1 when code is a complaint category. */
enum domain_status complaint_category_exists(const char *code, int *found);

/* A step of a complaint's timeline. A NULL string is SQL NULL, or a
 * column the read leaves out: the public's steps have only id, at, kind
 * and public_reply. */
struct complaint_event {
	long long	 id;		/* orders steps of the same time */
	const char	*at;		/* YYYY-MM-DD HH:MM */
	const char	*kind;		/* complaint_step_name names it */
	const char	*from_status;
	const char	*to_status;
	const char	*public_reply;
	const char	*internal_note;
	const char	*username;	/* the staff member's, if by staff */
};

/* The i-th of a list of struct complaint_event. */
static inline const struct complaint_event *
complaint_event_at(const struct arena_list *l, size_t i)
{
	return &((const struct complaint_event *)l->item)[i];
}

/* A complaint as its complainant tracks it: never the complainant's
 * name or phone. Dates are text as shown (YYYY-MM-DD, or with HH:MM for
 * the _at ones); NULL when not (yet) set. */
struct complaint_tracked {
	long long	 id;
	const char	*tracking_no;
	const char	*status;	/* a complaint_state_code */
	const char	*category_name;
	const char	*outlet;	/* the listed shop's name, or as given */
	const char	*submitted_at;
	const char	*accept_due;
	const char	*resolve_due;
	const char	*resolved_at;
	const char	*resolved_on;	/* resolved_at's day */
	const char	*satisfaction;	/* "satisfied", "unsatisfied" */
	int		 reopened;
	int		 is_demo;
	int		 can_reopen;	/* resolved, within the days, once */
	struct arena_list events;	/* the public steps, in order */
	struct arena_list photos;	/* struct complaint_photo, in order */
};

/* The complaint with that tracking number when code matches, with its
 * public steps and photos; DOMAIN_NOT_FOUND for a wrong number or code
 * alike. With an address, its "track" throttle is read in the same round
 * trip: *wait > 0 (seconds) means locked, and nothing else is told. */
enum domain_status complaint_track(struct arena *, const char *tracking_no,
		    const char *code, const char *secret, const char *address,
		    long long *wait, struct complaint_tracked *);
/* Satisfaction (rule CA_RATE, rating "satisfied" or "unsatisfied") or
 * reopening (CA_REOPEN, with the reason) by the complainant, after
 * complaint_track found it; returns DOMAIN_OK and sets *done to 0 when not
 * allowed now. */
enum domain_status complaint_feedback(const char *tracking_no,
		    const struct complaint_rule *, const char *rating,
		    const char *reason, const struct calendar *,
		    int resolve_days, int *done);
/* Adds a step to a complaint's timeline (staff_id 0: not by staff). */
enum db_status	complaint_add_event(long long id, const char *kind,
		    const char *from, const char *to, const char *reply,
		    const char *note, long long staff_id);
/* The Chinese name of a status. */
const char	*complaint_status_name(const char *status);
/* The Chinese name of a step of the timeline (an event's kind), as the
 * public or (staff 1) staff read it. */
const char	*complaint_step_name(const char *kind, int staff);

#endif
