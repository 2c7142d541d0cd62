<#-- keycloak.v2's login.ftl with the captcha of R-AUTH-1 below the password (换一张 asks this form for a new one);
     no remember-me, no Keycloak registration: 忘记密码, 管理员注册 and 团员注册 are the gateway's account page (FAQ 3, 14) -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password','captcha'); section>
<!-- template: league login.ftl -->
    <#if section = "header">
        ${msg("loginAccountTitle")}
    <#elseif section = "form">
        <div id="kc-form">
          <div id="kc-form-wrapper">
            <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                <#if !usernameHidden??>
                    <@field.input name="username" label=msg("username") error=messagesPerField.getFirstError('username','password')
                        autofocus=true autocomplete="username" value=login.username!'' />
                </#if>
                <@field.password name="password" label=msg("password") error="" forgotPassword=realm.resetPasswordAllowed autofocus=usernameHidden?? autocomplete="current-password"/>

                <@field.group name="captcha" label=msg("leagueCaptcha") error=messagesPerField.get('captcha') required=true>
                    <div class="${properties.kcInputGroup}">
                      <div class="${properties.kcInputGroupItemClass} ${properties.kcFill}">
                        <span class="${properties.kcInputClass} <#if messagesPerField.existsError('captcha')>${properties.kcError}</#if>">
                          <input id="captcha" name="captcha" type="text" autocomplete="off" maxlength="8"
                                 aria-invalid="<#if messagesPerField.existsError('captcha')>true</#if>"/>
                        </span>
                      </div>
                      <#if captchaImage??>
                        <div class="${properties.kcInputGroupItemClass}">
                          <img id="league-captcha-image" src="${captchaImage}" width="120" height="40" alt="${msg("leagueCaptchaImage")}"/>
                        </div>
                      </#if>
                      <div class="${properties.kcInputGroupItemClass}">
                        <#-- a button of the form below, so that Enter still logs in (the form's first submit button) -->
                        <button id="league-captcha-refresh" type="submit" form="league-captcha-refresh-form"
                                class="${properties.kcButtonSecondaryClass!}">${msg("leagueCaptchaRefresh")}</button>
                      </div>
                    </div>
                </@field.group>

                <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>/>
                <@buttons.loginButton />
            </form>
            <form id="league-captcha-refresh-form" action="${url.loginAction}" method="post">
                <input type="hidden" name="captchaRefresh" value="1"/>
            </form>
            <#if leagueGateway??>
              <div id="league-account-links" class="${properties.kcFormOptionsWrapperClass!}">
                <a id="league-forgot-password" href="${leagueGateway}/account#/forgot-password">${msg("leagueForgotPassword")}</a>
                &nbsp;·&nbsp;
                <a id="league-admin-registration" href="${leagueGateway}/account#/admin-registration">${msg("leagueAdminRegistration")}</a>
                &nbsp;·&nbsp;
                <a id="league-member-registration" href="${leagueGateway}/account#/member-registration">${msg("leagueMemberRegistration")}</a>
              </div>
            </#if>
          </div>
        </div>
    </#if>
</@layout.registrationLayout>
