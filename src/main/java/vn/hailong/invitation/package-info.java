/**
 * Invitation campaigns: batches of single-use codes per unit, handed out on paper, kept
 * only as hashes, each admitting one response.
 */
package vn.hailong.invitation;
