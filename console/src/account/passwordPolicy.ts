// The realm's password policy (deploy/keycloak/league-realm.json: length(8) and maxLength(64) and digits(1) and
// lowerCase(1) and notUsername and passwordHistory(3)) in the words the login theme uses too.
export const PASSWORD_POLICY = '密码长度 8–64 位，至少含 1 个数字和 1 个小写字母，不能与身份证号码相同，不能与最近 3 次用过的密码相同。'
