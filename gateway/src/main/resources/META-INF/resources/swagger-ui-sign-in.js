/*
 * Swagger UI plugin for the LXP gateway.
 *
 * Signing out and in again in the same Authorize dialog replays the authorisation code of the first sign-in, which
 * Keycloak refuses as invalid_grant (swagger-api/swagger-ui#6034 and #5172); the plugin forgets that code before
 * every new sign-in. It also shows, next to the Authorize button, who is signed in: the name, roles and
 * organisation or ICB the token carries, which decide what the calls below may do and see.
 */
function LxpSignIn(system) {
  var React = system.React;

  function claimsOf(token) {
    try {
      var payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(decodeURIComponent(escape(window.atob(payload))));
    } catch (e) {
      return null;
    }
  }

  function signedIn() {
    var authorized = system.authSelectors.authorized();
    if (!authorized || authorized.size === 0) {
      return null;
    }
    var token = null;
    authorized.forEach(function (scheme) {
      token = token || (scheme.getIn && scheme.getIn(["token", "access_token"]));
    });
    return token ? claimsOf(token) : null;
  }

  function describe(claims) {
    var keycloakDefaults = ["offline_access", "uma_authorization"];
    var roles = ((claims.realm_access && claims.realm_access.roles) || []).filter(function (role) {
      return keycloakDefaults.indexOf(role) < 0 && role.indexOf("default-roles-") !== 0;
    });
    var scope = claims.org ? "organisation " + claims.org : claims.icb ? "ICB " + claims.icb : "no organisation";
    var who = claims.preferred_username || claims.azp || claims.sub;
    return "Signed in as " + who + " (" + (roles.join(", ") || "no role") + "; " + scope + ")";
  }

  return {
    statePlugins: {
      auth: {
        wrapActions: {
          authPopup: function (original) {
            return function (url, oauth2Data) {
              if (oauth2Data && oauth2Data.auth) {
                delete oauth2Data.auth.code;
              }
              return original(url, oauth2Data);
            };
          }
        }
      }
    },
    wrapComponents: {
      authorizeBtn: function (Original) {
        return function (props) {
          var claims = null;
          try {
            claims = signedIn();
          } catch (e) {
            // Whatever the token holds, the Authorize button must still show.
          }
          return React.createElement("div", { className: "lxp-sign-in", style: { display: "flex", alignItems: "center", gap: "1em" } },
            React.createElement("span", { id: "lxp-signed-in", role: "status" }, claims ? describe(claims) : "Not signed in"),
            React.createElement(Original, props));
        };
      }
    }
  };
}
