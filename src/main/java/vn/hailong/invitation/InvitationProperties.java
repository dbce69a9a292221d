package vn.hailong.invitation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How invitation links are written.
 *
 * @param baseUrl the public address of the service that links and QR codes start with,
 * such as {@code https://khaosat.example.vn}; when blank, the scheme, host and port of
 * the request that issues the codes
 */
@ConfigurationProperties("hailong.invitations")
record InvitationProperties(String baseUrl) {
}
