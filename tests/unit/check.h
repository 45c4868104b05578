/* A tiny table-driven test harness: each CHECK counts as one test. */
#ifndef JDXX_CHECK_H
#define JDXX_CHECK_H

#include <stdio.h>

extern int	 check_passed, check_failed;

#define CHECK(cond, ...) do {						\
	if (cond)							\
		check_passed++;						\
	else {								\
		check_failed++;						\
		fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);	\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
	}								\
} while (0)

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

void	test_utf8(void);
void	test_form(void);
void	test_multipart(void);
void	test_param(void);
void	test_money(void);
void	test_request(void);
void	test_route(void);
void	test_response(void);
void	test_search(void);
void	test_filtered(void);
void	test_workday(void);
void	test_similarity(void);
void	test_bigram_index(void);
void	test_arena(void);
void	test_db_row(void);
void	test_strmap(void);
void	test_csv(void);
void	test_stats(void);
void	test_csv_read(void);
void	test_caps(void);
void	test_import_job(void);
void	test_page_cache(void);
void	test_csv_text(void);
void	test_authz(void);
void	test_complaint_labels(void);
void	test_complaint_channel(void);
void	test_complaint_flow(void);
void	test_view_fill(void);
void	test_config(void);
void	test_db_servers(void);
void	test_calendar_cache(void);
void	test_totp(void);
void	test_qr_svg(void);
void	test_open311(void);
void	test_domain_answer(void);
void	test_outlet_view(void);
void	test_record_view(void);
void	test_notify(void);
void	test_image(void);

#endif
