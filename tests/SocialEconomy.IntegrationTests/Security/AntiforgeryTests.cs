using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;
using Xunit.Abstractions;

namespace SocialEconomy.IntegrationTests.Security;

/// <summary>
/// CSRF (ASVS 3.5.1; IV-1.11): every unsafe endpoint, taken from the endpoint data source
/// rather than a hand-kept list, refuses a request without a valid token; methods other
/// than GET, HEAD and POST are refused outright.
/// </summary>
public class AntiforgeryTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    /// <summary>The status-code re-execution target: it handles a failed POST's re-run and changes nothing.</summary>
    private const string ErrorPage = "/error/{statusCode:int?}";

    [Fact]
    public async Task EveryPostEndpoint_WithoutAToken_Is400()
    {
        var posts = EndpointCatalog.Routes(factory.Services)
            .Where(r => HttpMethods.IsPost(r.Method) && !IgnoresAntiforgery(r))
            .ToList();
        var fill = await RouteFill.CreateAsync(factory);
        var admin = await factory.ClientForAsync(Roles.Admin);
        var failures = new List<string>();
        var requests = 0;

        foreach (var route in posts)
        {
            foreach (var (url, _) in fill.UrlsFor(route.Pattern))
            {
                using var content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["UserName"] = "x" });
                using var response = await admin.PostAsync(new Uri(url, UriKind.Relative), content);
                requests++;
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"POST {url} ({route.Pattern}) answered {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)} {response.Headers.Location}");
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Antiforgery: {posts.Count} POST endpoints, {requests} requests without a token, {failures.Count} not refused with 400."));
        foreach (var route in posts)
        {
            output.WriteLine($"  {route.Key}");
        }

        Assert.True(posts.Count >= 6, $"Only {posts.Count} POST endpoints found; the endpoint data source was not read as expected.");
        Assert.True(failures.Count == 0, "Unsafe endpoints that accepted a request without a token: " + string.Join("; ", failures));

        // Sign-out without a token did nothing either: the admin is still signed in.
        using var still = await admin.GetAsync(new Uri("/account/denied", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public void OnlyTheErrorPage_IgnoresAntiforgery()
    {
        var exempt = EndpointCatalog.Routes(factory.Services)
            .Where(IgnoresAntiforgery)
            .Select(r => r.Pattern)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Equal([ErrorPage], exempt);
    }

    [Fact]
    public async Task Post_WithAnotherUsersToken_Is400()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        var viewersToken = await viewer.AntiforgeryTokenAsync("/account/change-password");
        var ownToken = await admin.AntiforgeryTokenAsync("/account/change-password");

        using var stolen = await PostTokenAsync(admin, "/account/keep-alive", viewersToken);
        using var own = await PostTokenAsync(admin, "/account/keep-alive", ownToken);

        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    public async Task OtherMethods_OnHome_Are405(string method)
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        using var anonymous = factory.CreateClient();

        using var first = new HttpRequestMessage(new HttpMethod(method), new Uri("/", UriKind.Relative));
        using var second = new HttpRequestMessage(new HttpMethod(method), new Uri("/", UriKind.Relative));
        using var signedIn = await admin.SendAsync(first);
        using var signedOut = await anonymous.SendAsync(second);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, signedOut.StatusCode);
    }

    // MVC honours the closest antiforgery policy; [IgnoreAntiforgeryToken] on an action beats the global filter.
    private static bool IgnoresAntiforgery(AppRoute route) =>
        route.Endpoint.Metadata.GetMetadata<IAntiforgeryPolicy>() is IgnoreAntiforgeryTokenAttribute;

    private static async Task<HttpResponseMessage> PostTokenAsync(HttpClient client, string url, string token)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }
}
