<#-- keycloak.v2's login.ftl with the captcha of R-AUTH-1 below the password; no remember-me, no registration link -->
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
                    </div>
                </@field.group>

                <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>/>
                <@buttons.loginButton />
            </form>
          </div>
        </div>
    </#if>
</@layout.registrationLayout>
