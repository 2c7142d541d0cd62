package cn.league.org.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 管理员注册: the code from the parent, and the person's name and post (职务) in the org, e.g. 书记. */
public record AdminRegistrationRequest(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 50) String name,
                                       @NotBlank @Size(max = 20) String postTitle) {
}
