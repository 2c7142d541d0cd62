package cn.league.org.admin;

import java.time.Instant;
import java.util.List;

/** An admin of an org as the admin list shows it; {@code name} is null until member-service has told it. */
public record AdminView(String idNumber, String name, List<String> posts, Instant grantedAt) {
}
