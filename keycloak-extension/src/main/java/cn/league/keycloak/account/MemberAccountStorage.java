package cn.league.keycloak.account;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.keycloak.component.ComponentModel;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.ImportedUserValidation;
import org.keycloak.storage.user.UserLookupProvider;
import org.keycloak.storage.user.UserQueryMethodsProvider;

/**
 * Keycloak finds people where they already are, in member-service (R-AUTH-2): nothing is copied into Keycloak before
 * a person's first login. Import mode:
 * <ul>
 *   <li>a login name Keycloak does not know yet is looked up by ID number; a person who may log in is added to
 *       Keycloak's own storage, linked to this component, with the required action UPDATE_PASSWORD;</li>
 *   <li>while that person has no password of their own, the initial password (last 8 of the ID) is accepted; the
 *       forced change stores Keycloak's own hash, and from then on only that hash counts;</li>
 *   <li>every later lookup of the person validates them again: a person deleted in member-service (R-MEM-8) is
 *       removed from Keycloak and cannot log in. This needs the component's cache policy NO_CACHE, and it runs
 *       several times per login, hence one indexed read per ID number and request.</li>
 * </ul>
 * Local users without the link (the demo admins, service accounts) are Keycloak's alone and never asked about.
 * <p>
 * Searches: the admin API and console find a person who never logged in by their exact ID number (which imports them,
 * as a first login would), so an admin-side action such as setting a password reaches everyone; any other search
 * sees only the people already in Keycloak — listing member-service's tens of millions is member-service's job.
 */
public final class MemberAccountStorage implements UserStorageProvider, UserLookupProvider, UserQueryMethodsProvider,
        CredentialInputValidator, ImportedUserValidation {

    private final KeycloakSession session;
    private final ComponentModel model;
    private final MemberAccounts accounts;
    /** One question per ID number and request: Keycloak validates the same person several times per request. */
    private final Map<String, MemberAccount> answers = new HashMap<>();

    MemberAccountStorage(KeycloakSession session, ComponentModel model, MemberAccounts accounts) {
        this.session = session;
        this.model = model;
        this.accounts = accounts;
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        if (!IdNumberShape.matches(username)) {
            return null;
        }
        MemberAccount account = lookUp(username);
        if (!account.mayLogIn()) {
            return null;
        }
        importOnce(realm, account);
        return UserStoragePrivateUtil.userLocalStorage(session).getUserByUsername(realm, account.username());
    }

    /**
     * Adds the person to Keycloak's own storage in a transaction of its own. Several first logins of one person can
     * arrive at once (several devices, several API clients): each imports them, the first one's row wins and the
     * others find it. Inside the request's own transaction the others' duplicate row would fail its flush and that
     * whole login with it.
     */
    private void importOnce(RealmModel realm, MemberAccount account) {
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), importing -> {
                RealmModel sameRealm = importing.realms().getRealm(realm.getId());
                importing.getContext().setRealm(sameRealm);
                UserModel person = UserStoragePrivateUtil.userLocalStorage(importing).addUser(sameRealm,
                        account.username());
                person.setFederationLink(model.getId());
                person.setEnabled(true);
                person.setFirstName(account.displayName());
                person.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
            });
        } catch (ModelDuplicateException importedByAnotherLogin) {
            // the same person's concurrent login imported them first: their row is there now
        }
    }

    @Override
    public UserModel validate(RealmModel realm, UserModel person) {
        MemberAccount account = lookUp(person.getUsername());
        if (!account.mayLogIn()) {
            return null; // Keycloak removes the person, their own password with them
        }
        if (!Objects.equals(person.getFirstName(), account.displayName())) {
            person.setFirstName(account.displayName());
        }
        return person;
    }

    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        return null; // imported people are found in Keycloak's own storage by id
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        return null; // the login name is the ID number (R-AUTH-1)
    }

    /** An exact search by a login name Keycloak does not hold yet finds the person, as a login would. */
    @Override
    public Stream<UserModel> searchForUserStream(RealmModel realm, Map<String, String> params, Integer first,
                                                 Integer max) {
        String username = params.get(UserModel.USERNAME);
        boolean exact = Boolean.parseBoolean(params.get(UserModel.EXACT));
        if (!exact || username == null || (first != null && first > 0)
                || UserStoragePrivateUtil.userLocalStorage(session).getUserByUsername(realm, username) != null) {
            return Stream.empty(); // Keycloak's own storage answers for everyone already imported
        }
        UserModel person = getUserByUsername(realm, username);
        return person == null ? Stream.empty() : Stream.of(person);
    }

    @Override
    public Stream<UserModel> getGroupMembersStream(RealmModel realm, GroupModel group, Integer first, Integer max) {
        return Stream.empty(); // groups live in Keycloak's own storage
    }

    @Override
    public Stream<UserModel> searchForUserByUserAttributeStream(RealmModel realm, String name, String value) {
        return Stream.empty(); // member-service is asked by ID number only
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return PasswordCredentialModel.TYPE.equals(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel person, String credentialType) {
        return supportsCredentialType(credentialType) && !hasOwnPassword(person);
    }

    /** The initial password, only while the person has not set their own; afterwards Keycloak's hash decides. */
    @Override
    public boolean isValid(RealmModel realm, UserModel person, CredentialInput input) {
        if (!supportsCredentialType(input.getType()) || hasOwnPassword(person)) {
            return false;
        }
        return InitialPassword.matches(person.getUsername(), input.getChallengeResponse());
    }

    @Override
    public void close() {
    }

    private static boolean hasOwnPassword(UserModel person) {
        return person.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .findAny().isPresent();
    }

    private MemberAccount lookUp(String username) {
        return answers.computeIfAbsent(username.toUpperCase(Locale.ROOT), accounts::find);
    }
}
