/* Runs every unit test and prints the closing count. */
#include "check.h"

int	 check_passed, check_failed;

int
main(void)
{
	test_utf8();
	test_form();
	test_multipart();
	test_param();
	test_money();
	test_request();
	test_route();
	test_response();
	test_search();
	test_filtered();
	test_workday();
	test_similarity();
	test_bigram_index();
	test_arena();
	test_strmap();
	test_csv();
	test_stats();
	test_csv_read();
	test_caps();
	test_import_job();
	test_page_cache();
	test_csv_text();
	test_config();
	test_db_servers();
	test_calendar_cache();
	test_open311();
	test_authz();
	test_complaint_labels();
	test_complaint_channel();
	test_complaint_flow();
	test_view_fill();
	test_totp();
	test_qr_svg();
	test_domain_answer();
	test_outlet_view();
	test_record_view();
	test_notify();
	test_image();
	test_db_row();
	printf("unit: %d passed, %d failed\n", check_passed, check_failed);
	return check_failed > 0;
}
