package vn.hailong.account;

import reactor.core.publisher.Mono;

import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;

/**
 * Finds a staff member by sign-in name for form sign-in and HTTP Basic.
 */
@Service
class StaffUserDetailsService implements ReactiveUserDetailsService {

	private final AccountRepository accounts;

	StaffUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public Mono<UserDetails> findByUsername(String username) {
		return this.accounts.findPrincipal(username).cast(UserDetails.class);
	}

}
