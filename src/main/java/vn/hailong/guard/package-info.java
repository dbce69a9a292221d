/**
 * Guards that keep a survey to one response per respondent without accounts: a random
 * per-browser marker, a rate limit per client address under a daily rotating keyed hash,
 * and a honeypot field; none of them stores anything that identifies a person.
 */
@NullMarked
package vn.hailong.guard;

import org.jspecify.annotations.NullMarked;
