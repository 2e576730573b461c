using System.Net;
using System.Text.RegularExpressions;

namespace SocialEconomy.LoadBenchmark;

/// <summary>Virtual users: each signs in through the real form (antiforgery token and all) and keeps its auth cookie.</summary>
public static partial class Sessions
{
    /// <summary>The Cookie header values of the signed-in sessions, one per user.</summary>
    public static async Task<IReadOnlyList<string>> SignInAsync(Portal portal, IReadOnlyList<string> userNames, string password)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(userNames);
        var headers = new List<string>();
        foreach (var userName in userNames)
        {
            var cookies = new CookieContainer();
            using var client = portal.Client(cookies);
            var form = await client.GetStringAsync(new Uri("/account/signin", UriKind.Relative));
            var token = AntiforgeryField().Match(form);
            if (!token.Success)
            {
                throw new InvalidOperationException("The sign-in page has no antiforgery token.");
            }

            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = password,
                ["ReturnUrl"] = "/",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            });
            using var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            {
                throw new InvalidOperationException($"Sign-in of {userName} answered {(int)response.StatusCode} {response.Headers.Location}");
            }

            var auth = cookies.GetCookies(portal.BaseAddress).FirstOrDefault(c => c.Name.EndsWith("se.auth", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"Sign-in of {userName} set no auth cookie.");
            headers.Add($"{auth.Name}={auth.Value}");
        }

        return headers;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
