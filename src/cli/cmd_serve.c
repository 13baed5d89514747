/* cmd_serve.c - cadre serve: the web application and the JSON API. */
#include <stdlib.h>

#include "../core/clock.h"
#include "../http/http.h"
#include "cli.h"

int cmd_serve(struct cli *c, int npos, char **pos)
{
	struct server_opts o = {0};
	long threads = 0;

	(void)npos;
	(void)pos;
	o.db = c->db;
	o.listen = OPT(c, "listen") ? OPT(c, "listen") : "127.0.0.1:8080";
	o.cert = OPT(c, "cert");
	o.key = OPT(c, "key");
	o.quiet = c->quiet || OPT_SET(c, "quiet");
	if (OPT(c, "threads") && cli_count(c, "threads", OPT(c, "threads"), &threads))
		return cli_fail(c);
	if (threads > 64) {
		err_add(&c->e, ERR_USAGE, 0, "threads", OPT(c, "threads"), NULL,
			"--threads must be at most 64");
		return cli_fail(c);
	}
	o.threads = (int)threads;
	if (OPT(c, "tz")) {
		date_t d;

		if (clock_date_in_zone(0, OPT(c, "tz"), &d)) {
			err_add(&c->e, ERR_USAGE, 0, "tz", OPT(c, "tz"), NULL,
				"--tz must be a time zone (an IANA name such as Asia/Ho_Chi_Minh "
				"or UTC)");
			return cli_fail(c);
		}
		/* Read by every connection when it takes today (app_refresh); set before the
		 * server's threads start. */
		setenv("CADRE_TZ", OPT(c, "tz"), 1);
	}
	/* The server opens one connection per worker thread; the command's own is not needed. */
	if (c->app_open) {
		app_close(&c->app);
		c->app_open = 0;
	}
	if (server_run(&o, &c->e))
		return cli_fail(c);
	return 0;
}
