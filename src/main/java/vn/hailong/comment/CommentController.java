package vn.hailong.comment;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.account.StaffAccess;

/**
 * The JSON API for a campaign's free-text answers.
 */
@RestController
class CommentController {

	private final CommentService comments;

	private final StaffAccess access;

	CommentController(CommentService comments, StaffAccess access) {
		this.comments = comments;
		this.access = access;
	}

	@GetMapping("/api/v1/campaigns/{id}/comments")
	Mono<CommentPage> comments(@PathVariable long id, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + CommentService.DEFAULT_SIZE) int size) {
		return this.access.current().flatMap((access) -> this.comments.page(id, unit, page, size, access::canRead));
	}

}
