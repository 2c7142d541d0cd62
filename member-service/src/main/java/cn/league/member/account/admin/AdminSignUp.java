package cn.league.member.account.admin;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.league.member.account.ServiceAccount;
import cn.league.member.account.captcha.Captchas;
import cn.league.member.idnumber.IdNumber;
import cn.league.member.idnumber.IdNumberRule;
import cn.league.member.person.PersonStore;
import cn.league.support.problem.ProblemException;

/**
 * 管理员注册 by a person new to the system (R-ADM-3, R-AUTH-4): captcha first, then the ID number (R-ID-4) and that
 * it is not registered yet (R-AUTH-5; someone who is logs in and registers there, R-ADM-7, without a new account).
 * org-service redeems the code on the person's behalf; its AdminRegistered makes the person here with the post, and
 * they log in with the initial password (R-AUTH-2), which they must change at once.
 */
@Service
public class AdminSignUp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Captchas captchas;
    private final IdNumberRule idNumbers;
    private final PersonStore people;
    private final ServiceAccount service;
    private final String orgServiceUrl;

    AdminSignUp(Captchas captchas, IdNumberRule idNumbers, PersonStore people, ServiceAccount service,
                @Value("${league.accounts.org-service-url}") String orgServiceUrl) {
        this.captchas = captchas;
        this.idNumbers = idNumbers;
        this.people = people;
        this.service = service;
        this.orgServiceUrl = orgServiceUrl.replaceAll("/+$", "");
    }

    public Registered register(AdminSignUpForm form, Instant now) {
        captchas.requireSolved(form.captchaId(), form.captchaAnswer(), now);
        IdNumber id = idNumbers.require(form.idNumber());
        if (people.exists(id.value())) {
            throw new ProblemException(HttpStatus.CONFLICT, "ID_ALREADY_REGISTERED", "R-AUTH-5",
                    "身份证已注册,无需再注册账号:请用该身份证号登录后,在“管理员注册”中填写上级分配的注册码");
        }
        String body = JSON.writeValueAsString(Map.of("idNumber", id.value(), "code", form.code(),
                "name", form.name(), "postTitle", form.postTitle()));
        HttpResponse<String> answer = service.send(service.request(orgServiceUrl + "/internal/orgs/admin-registrations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        JsonNode json = answer.body() == null || answer.body().isBlank() ? JSON.createObjectNode()
                : JSON.readTree(answer.body());
        if (answer.statusCode() == 201) {
            return new Registered(id.value(), json.path("orgId").asLong(), json.path("fullName").asString(),
                    json.path("postTitle").asString());
        }
        if (answer.statusCode() / 100 == 4 && json.has("code")) {
            // org-service's refusal of the code (unknown, used, expired, org full) is the person's to read
            throw new ProblemException(HttpStatus.valueOf(answer.statusCode()), json.path("code").asString(),
                    json.path("rule").isMissingNode() ? null : json.path("rule").asString(),
                    json.path("detail").asString());
        }
        throw ServiceAccount.unavailable();
    }

    /** The new admin and their org; they log in with the ID number and its last 8 characters. */
    public record Registered(String idNumber, long orgId, String orgName, String postTitle) {
    }
}
