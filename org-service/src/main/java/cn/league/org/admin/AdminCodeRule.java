package cn.league.org.admin;

import java.time.Instant;

import org.springframework.http.HttpStatus;

import cn.league.support.problem.ProblemException;

/**
 * R-ADM-3: a code registers exactly one admin, before it expires, and only while no newer code replaced it.
 * Each refusal has its own code: the codes are random and stored hashed, so telling "used" from "unknown"
 * helps no one guess, while it tells the person what to do (re-type it, or ask the parent for a new one).
 */
public final class AdminCodeRule {

    private AdminCodeRule() {
    }

    /** @param code the stored code the typed one hashes to, or null when none does */
    public static void checkRedeemable(StoredAdminCode code, Instant now) {
        if (code == null) {
            throw refused("ADMIN_CODE_UNKNOWN", "管理员注册码不正确,请核对后重新输入");
        }
        if (code.usedAt() != null) {
            throw refused("ADMIN_CODE_USED", "该管理员注册码已被使用,每个注册码只能注册一个管理员,请联系上级组织重新生成");
        }
        if (code.replacedAt() != null) {
            throw refused("ADMIN_CODE_REPLACED", "该管理员注册码已被上级组织重新生成的注册码取代,请使用新的注册码");
        }
        if (!now.isBefore(code.expiresAt())) {
            throw refused("ADMIN_CODE_EXPIRED", "该管理员注册码已过期,请联系上级组织重新生成");
        }
    }

    private static ProblemException refused(String code, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, "R-ADM-3", detail);
    }
}
