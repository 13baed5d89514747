/* cmd_serve.c - cadre serve: the web application and the JSON API. */
#include <stdlib.h>

#include "../core/clock.h"
#include "../http/http.h"
#include "cli.h"

/* A whole number of option name (or, when absent, of the environment's env) within
 * [min, max] into *out; *out unchanged when neither is given. -1 (c->e set) when wrong. */
static int serve_knob(struct cli *c, const char *name, const char *env, long min, long max,
		      long *out)
{
	const char *s = OPT(c, name) ? OPT(c, name) : getenv(env);
	long v;

	if (!s || !s[0])
		return 0;
	if (cli_count(c, name, s, &v))
		return -1;
	if (v < min || v > max) {
		err_add(&c->e, ERR_USAGE, 0, name, s, NULL, "--%s (or %s) must be from %ld to %ld",
			name, env, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

int cmd_serve(struct cli *c, int npos, char **pos)
{
	struct server_opts o = {0};
	long threads = 0, per_address = 32, header_timeout = 10, session_hours = 12, wait = 10,
	     upload_mib = 192;

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
	if (serve_knob(c, "max-per-address", "CADRE_MAX_PER_ADDRESS", 1, 1000, &per_address) ||
	    serve_knob(c, "header-timeout", "CADRE_HEADER_TIMEOUT", 1, 120, &header_timeout) ||
	    serve_knob(c, "session-hours", "CADRE_SESSION_HOURS", 1, 24 * 30, &session_hours) ||
	    serve_knob(c, "wait", "CADRE_SERVE_WAIT", 1, 25, &wait) ||
	    serve_knob(c, "upload-mib", "CADRE_UPLOAD_MIB", 64, 65536, &upload_mib))
		return cli_fail(c);
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
	o.max_per_address = (int)per_address;
	o.header_timeout = (int)header_timeout;
	o.session_hours = (int)session_hours;
	o.wait = (int)wait;
	o.upload_mib = upload_mib;
	/* The server opens one connection per worker thread; the command's own is not needed. */
	if (c->app_open) {
		app_close(&c->app);
		c->app_open = 0;
	}
	if (server_run(&o, &c->e))
		return cli_fail(c);
	return 0;
}
