/**
 * The staff console: server-rendered pages where office staff sign in, launch campaigns,
 * watch answers arrive, enter figures and read reports.
 */
package vn.hailong.console;
