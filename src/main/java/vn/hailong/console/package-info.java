/**
 * The staff console: server-rendered pages where office staff sign in, launch campaigns,
 * watch answers arrive, enter figures and read reports.
 */
@NullMarked
package vn.hailong.console;

import org.jspecify.annotations.NullMarked;
