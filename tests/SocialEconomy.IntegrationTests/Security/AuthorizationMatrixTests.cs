using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;
using Xunit.Abstractions;

namespace SocialEconomy.IntegrationTests.Security;

/// <summary>
/// The authorization matrix (ASVS 8.2.1, 8.2.2; IV-2.1, IV-2.2): every route of the app ×
/// anonymous and every role, officers of the resource's own and of another department ×
/// real ids → the answer AuthorizationRules expects. The routes come from the endpoint data
/// source, so a new page without a rule fails here.
/// </summary>
public class AuthorizationMatrixTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    [Fact]
    public void Rules_CoverEveryEndpoint_AndNoOther()
    {
        var routes = EndpointCatalog.Routes(factory.Services);
        var rules = AuthorizationRules.All.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        var missing = routes.Where(r => !rules.Contains(r.Key)).Select(r => $"{r.Key} ({EndpointCatalog.Name(r.Endpoint)})").ToList();
        var stale = rules.Except(routes.Select(r => r.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var route in routes)
        {
            output.WriteLine($"{route.Key,-50} {EndpointCatalog.Name(route.Endpoint)}{(route.HasMethodMetadata ? string.Empty : " (no method metadata: GET assumed)")}");
        }

        Assert.True(missing.Count == 0, "Routes without an authorization rule (add them to Security/AuthorizationRules.cs): " + string.Join("; ", missing));
        Assert.True(stale.Count == 0, "Rules for routes that no longer exist: " + string.Join("; ", stale));
        Assert.Equal(AuthorizationRules.All.Count, AuthorizationRules.All.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AnonymousEndpoints_AreExactlyTheAllowList()
    {
        var anonymous = EndpointCatalog.Routes(factory.Services)
            .Where(r => r.AllowsAnonymous || r.Pattern == "/health")
            .Select(r => r.Key)
            .ToHashSet(StringComparer.Ordinal);

        var unexpected = anonymous.Except(AuthorizationRules.AnonymousAllowList, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var absent = AuthorizationRules.AnonymousAllowList.Except(anonymous, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(unexpected.Count == 0, "Anonymous endpoints not on the allow-list: " + string.Join("; ", unexpected));
        Assert.True(absent.Count == 0, "Allow-listed endpoints that no longer allow anonymous access: " + string.Join("; ", absent));
    }

    [Fact]
    public async Task Matrix_EveryRouteRoleAndDepartment_GetsTheExpectedAnswer()
    {
        var routes = EndpointCatalog.Routes(factory.Services);
        var rules = AuthorizationRules.All.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var missing = routes.Where(r => !rules.ContainsKey(r.Key)).Select(r => $"{r.Key} ({EndpointCatalog.Name(r.Endpoint)})").ToList();
        var stale = rules.Keys.Except(routes.Select(r => r.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // The principals first: the evaluation routes seat the matrix's committee member.
        var principals = await PrincipalsAsync();
        var fill = await RouteFill.CreateAsync(factory);
        var tokens = new Dictionary<HttpClient, string>();
        var cells = new List<Cell>();

        // Reads first: what an allowed POST changes (a plan adopted, an account deactivated)
        // then cannot change the answer of a page.
        foreach (var route in routes.Where(r => rules.ContainsKey(r.Key)).OrderBy(r => HttpMethods.IsPost(r.Method)))
        {
            var rule = rules[route.Key];
            var routeFill = await fill.ForRouteAsync(factory, route.Pattern);
            foreach (var (url, owner) in routeFill.UrlsFor(route.Pattern))
            {
                foreach (var principal in principals)
                {
                    var asker = principal.AskerFor(owner);
                    var expected = rule.For(asker);
                    var client = rule.EndsSession ? await FreshClientAsync(principal) : principal.Client;
                    using var response = await SendAsync(client, route.Method, url, tokens);
                    cells.Add(new Cell(route, url, principal.Label, asker, expected, Classify(response), (int)response.StatusCode, response.Headers.Location?.ToString()));
                    if (rule.EndsSession)
                    {
                        tokens.Remove(client);
                        client.Dispose();
                    }
                }
            }
        }

        var unexpectedAllows = cells.Where(c => c.Actual == Access.Allowed && c.Expected != Access.Allowed).ToList();
        var mismatches = cells.Where(c => c.Actual != c.Expected).ToList();
        var endpointCount = routes.Select(r => r.Endpoint).Distinct().Count();
        var coveredEndpoints = cells.Select(c => c.Route.Endpoint).Distinct().Count();
        var coveredPairs = cells.Select(c => c.Route.Key).Distinct(StringComparer.Ordinal).Count();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Authorization matrix: {cells.Count} cells, {unexpectedAllows.Count} unexpected allows, {mismatches.Count} mismatches; endpoints covered {coveredEndpoints}/{endpointCount} ({coveredPairs}/{routes.Count} method+route pairs); routes without a rule {missing.Count}, stale rules {stale.Count}."));
        output.WriteLine(Table(cells));
        foreach (var cell in mismatches)
        {
            output.WriteLine($"MISMATCH {cell}");
        }

        Assert.True(missing.Count == 0, "Routes without an authorization rule (add them to Security/AuthorizationRules.cs): " + string.Join("; ", missing));
        Assert.True(stale.Count == 0, "Rules for routes that no longer exist: " + string.Join("; ", stale));
        Assert.True(unexpectedAllows.Count == 0, "Unexpected allows: " + string.Join("; ", unexpectedAllows));
        Assert.True(mismatches.Count == 0, "Answers other than the rule's: " + string.Join("; ", mismatches));
        Assert.Equal(endpointCount, coveredEndpoints);
    }

    /// <summary>Sorts an answer the way the rules speak.</summary>
    internal static Access? Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            var target = location.IsAbsoluteUri ? location : new Uri(new Uri("https://localhost"), location);
            if (string.Equals(target.AbsolutePath, "/account/signin", StringComparison.OrdinalIgnoreCase)
                && target.Query.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase))
            {
                return Access.SignIn;
            }

            return string.Equals(target.AbsolutePath, "/account/denied", StringComparison.OrdinalIgnoreCase) ? Access.Denied : Access.Allowed;
        }

        return status switch
        {
            403 => Access.Denied,
            404 => Access.NotFound,
            >= 200 and < 400 => Access.Allowed,
            _ => null,
        };
    }

    /// <summary>
    /// Sends one cell's request. A POST carries a valid token of that client (tokens are per
    /// user) and nothing else, so every form fails validation and changes nothing.
    /// </summary>
    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, Dictionary<HttpClient, string> tokens)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (HttpMethods.IsPost(method))
        {
            if (!tokens.TryGetValue(client, out var token))
            {
                token = await TokenAsync(client);
                tokens[client] = token;
            }

            request.Content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["__RequestVerificationToken"] = token });
        }

        return await client.SendAsync(request);
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        // Signed-in users have the password page; anonymous people have the sign-in page.
        using var probe = await client.GetAsync(new Uri("/account/change-password", UriKind.Relative));
        return await client.AntiforgeryTokenAsync(probe.StatusCode == HttpStatusCode.OK ? "/account/change-password" : "/account/signin");
    }

    private async Task<IReadOnlyList<Principal>> PrincipalsAsync() =>
    [
        new("anonymous", null, null, factory.CreateClient()),
        new("admin", Roles.Admin, null, await factory.ClientForAsync(Roles.Admin)),
        new("coordinator", Roles.Coordinator, null, await factory.ClientForAsync(Roles.Coordinator)),
        new($"officer({PortalFactory.OwnDepartment})", Roles.DepartmentOfficer, PortalFactory.OwnDepartment, await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment)),
        new($"officer({PortalFactory.OtherDepartment})", Roles.DepartmentOfficer, PortalFactory.OtherDepartment, await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OtherDepartment)),
        new("member", Roles.CommitteeMember, null, await factory.ClientForAsync(Roles.CommitteeMember)),
        new("viewer", Roles.Viewer, null, await factory.ClientForAsync(Roles.Viewer)),
        new("govadmin", Roles.GovernmentAdmin, null, await factory.ClientForAsync(Roles.GovernmentAdmin)),
    ];

    /// <summary>A new account of the same role and department, for a request that ends its session.</summary>
    private async Task<HttpClient> FreshClientAsync(Principal principal)
    {
        if (principal.Role is null)
        {
            return factory.CreateClient();
        }

        var userName = $"t-fresh-{Guid.NewGuid():N}"[..24];
        await factory.CreateUserAsync(userName, principal.Role, principal.Department is null ? [] : [principal.Department]);
        return await factory.SignInAsync(userName);
    }

    private static string Table(IReadOnlyList<Cell> cells)
    {
        var builder = new StringBuilder();
        foreach (var row in cells.GroupBy(c => (c.Route.Key, c.Url)))
        {
            builder.Append(CultureInfo.InvariantCulture, $"{row.Key.Key,-50} {row.Key.Url,-40}");
            foreach (var cell in row)
            {
                var relation = cell.Asker switch
                {
                    Asker.OfficerOwn => "=own",
                    Asker.OfficerOther => "=other",
                    _ => string.Empty,
                };
                builder.Append(CultureInfo.InvariantCulture, $" | {cell.Principal}{relation} {cell.Status} {(cell.Actual?.ToString() ?? "?")}");
            }

            builder.AppendLine();
        }

        return builder.ToString();
    }

    private sealed record Principal(string Label, string? Role, string? Department, HttpClient Client)
    {
        public Asker AskerFor(string ownerDepartment) => Role switch
        {
            null => Asker.Anonymous,
            Roles.Admin => Asker.Admin,
            Roles.Coordinator => Asker.Coordinator,
            Roles.DepartmentOfficer => string.Equals(Department, ownerDepartment, StringComparison.Ordinal) ? Asker.OfficerOwn : Asker.OfficerOther,
            Roles.CommitteeMember => Asker.CommitteeMember,
            Roles.Viewer => Asker.Viewer,
            Roles.GovernmentAdmin => Asker.GovernmentAdmin,
            _ => throw new InvalidOperationException($"No asker for role {Role}."),
        };
    }

    private sealed record Cell(AppRoute Route, string Url, string Principal, Asker Asker, Access Expected, Access? Actual, int Status, string? Location)
    {
        public override string ToString() =>
            $"{Route.Method} {Url} as {Principal} ({Asker}): expected {Expected}, got {(Actual?.ToString() ?? "?")} ({Status.ToString(CultureInfo.InvariantCulture)}{(Location is null ? string.Empty : " → " + Location)})";
    }
}
