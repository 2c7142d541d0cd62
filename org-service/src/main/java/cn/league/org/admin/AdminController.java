package cn.league.org.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.league.contracts.org.OrgType;
import cn.league.org.tree.Org;
import cn.league.support.security.Caller;

@Tag(name = "管理员", description = "组织管理员及其变更，管理员注册码 (R-ADM-1 至 R-ADM-8)")
@RestController
@RequestMapping("/api/orgs")
class AdminController {

    private static final String ID_NUMBER = "[0-9]{17}[0-9Xx]";

    private final AdminCodes codes;
    private final AdminRegistration registration;
    private final AdminChange change;

    AdminController(AdminCodes codes, AdminRegistration registration, AdminChange change) {
        this.codes = codes;
        this.registration = registration;
        this.change = change;
    }

    /** 单个分配管理员注册码: a code for one direct child of the caller's org. */
    @Operation(summary = "单个分配管理员注册码 (R-ADM-3, R-SCOPE-2)")
    @PostMapping("/{orgId}/admin-codes")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedAdminCode issue(JwtAuthenticationToken token, @PathVariable long orgId) {
        return codes.issueFor(caller(token), orgId);
    }

    /** 批量生成所有直属下级组织的管理员注册码, as JSON. */
    @Operation(summary = "批量生成直属下级组织的管理员注册码（JSON 或表格） (R-ADM-3, R-SCOPE-2)")
    @PostMapping(path = "/{parentId}/children/admin-codes", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    IssuedCodes issueForChildren(JwtAuthenticationToken token, @PathVariable long parentId) {
        return new IssuedCodes(parentId, codes.issueForAllChildren(caller(token), parentId));
    }

    /** The same, as the spreadsheet to hand out (批量导出管理员注册码), when asked for with Accept. */
    @Operation(summary = "批量生成直属下级组织的管理员注册码（JSON 或表格） (R-ADM-3, R-SCOPE-2)")
    @PostMapping(path = "/{parentId}/children/admin-codes", produces = AdminCodeSheet.MEDIA_TYPE)
    ResponseEntity<byte[]> issueForChildrenAsSheet(JwtAuthenticationToken token, @PathVariable long parentId) {
        byte[] sheet = AdminCodeSheet.of(codes.issueForAllChildren(caller(token), parentId));
        return ResponseEntity.status(HttpStatus.CREATED)
                .contentType(MediaType.parseMediaType(AdminCodeSheet.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("管理员注册码-" + parentId + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(sheet);
    }

    /** 管理员注册: the caller becomes admin and cadre of the code's org. */
    @Operation(summary = "管理员注册：凭注册码成为组织管理员 (R-AUTH-4, R-ADM-2, R-ADM-3)")
    @PostMapping("/admin-registrations")
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(JwtAuthenticationToken token, @Valid @RequestBody AdminRegistrationRequest request) {
        Org org = registration.register(caller(token), request);
        return new Registered(org.id(), org.fullName(), org.shortName(), org.type(), request.postTitle().strip());
    }

    @Operation(summary = "组织管理员 (R-ADM-1)")
    @GetMapping("/{orgId}/admins")
    List<AdminView> admins(JwtAuthenticationToken token, @PathVariable long orgId) {
        return change.list(caller(token), orgId);
    }

    /** 管理员变更 – 添加管理员. */
    @Operation(summary = "管理员变更：添加管理员 (R-ADM-1, R-ADM-2, R-ADM-4)")
    @PostMapping("/{orgId}/admins")
    @ResponseStatus(HttpStatus.CREATED)
    void grant(JwtAuthenticationToken token, @PathVariable long orgId, @Valid @RequestBody NewAdmin request) {
        change.grant(caller(token), orgId, request.idNumber());
    }

    /** 管理员变更 – 撤销管理员; the person keeps account and posts. */
    @Operation(summary = "管理员变更：撤销管理员 (R-ADM-5, R-ADM-6)")
    @DeleteMapping("/{orgId}/admins/{idNumber}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(JwtAuthenticationToken token, @PathVariable long orgId,
                @PathVariable @Pattern(regexp = ID_NUMBER) String idNumber) {
        change.revoke(caller(token), orgId, idNumber);
    }

    /** 切换其他组织: the orgs where the caller is admin or holds a post. */
    @Operation(summary = "切换其他组织：我任管理员或任职的组织 (R-ADM-8)")
    @GetMapping("/mine")
    List<MyOrg> mine(JwtAuthenticationToken token) {
        return change.orgsOf(caller(token));
    }

    private static String caller(JwtAuthenticationToken token) {
        return Caller.of(token).idNumber();
    }

    record IssuedCodes(long parentId, List<IssuedAdminCode> codes) {
    }

    record Registered(long orgId, String fullName, String shortName, OrgType type, String postTitle) {
    }

    record NewAdmin(@NotNull @Pattern(regexp = ID_NUMBER) String idNumber) {
    }
}
