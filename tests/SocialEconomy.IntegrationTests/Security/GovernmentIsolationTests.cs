using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data.Seed;
using SocialEconomy.Web.Security;
using Xunit.Abstractions;

namespace SocialEconomy.IntegrationTests.Security;

/// <summary>
/// Organisations are kept apart (docs/organisations.md): every route of the app × every
/// role of another government — a 시·군·구 beside 성북구 with a department of the very same
/// name and a plan of the very same codes, and the 시·도 above both — × 성북구's real ids
/// and codes in the URL. Nothing of 성북구 is read (a route naming its resources answers
/// 404 or 403; a page naming none shows none of its data, whatever ids are put in its query)
/// or changed (the database, 성북구's accounts included, is the same after every request).
/// The 시스템관리자 administers every government's accounts, so only the administration
/// routes are left out for that role; the 시·도 above 성북구 may read its row of 시·군·구 현황.
/// </summary>
public class GovernmentIsolationTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const string SharedDepartment = PortalFactory.OwnDepartment;

    [Fact]
    public async Task AnotherGovernmentsPeople_ReadAndChangeNothingOfSeongbuk_OnAnyRoute()
    {
        var fill = await RouteFill.CreateAsync(factory);
        var markers = await MarkersAsync();
        var (province, neighbour) = await GovernmentsAsync();
        var principals = new List<(string Label, string Role, HttpClient Client)>
        {
            ("neighbour admin", Roles.Admin, await factory.ClientInAsync(neighbour, Roles.Admin)),
            ("neighbour govadmin", Roles.GovernmentAdmin, await factory.ClientInAsync(neighbour, Roles.GovernmentAdmin)),
            ("neighbour coordinator", Roles.Coordinator, await factory.ClientInAsync(neighbour, Roles.Coordinator, SharedDepartment)),
            ("neighbour officer", Roles.DepartmentOfficer, await factory.ClientInAsync(neighbour, Roles.DepartmentOfficer, SharedDepartment)),
            ("neighbour member", Roles.CommitteeMember, await factory.ClientInAsync(neighbour, Roles.CommitteeMember)),
            ("neighbour viewer", Roles.Viewer, await factory.ClientInAsync(neighbour, Roles.Viewer)),
            ("province coordinator", Roles.Coordinator, await factory.ClientInAsync(province, Roles.Coordinator)),
            ("province viewer", Roles.Viewer, await factory.ClientInAsync(province, Roles.Viewer)),
        };
        var before = await FingerprintAsync();
        var tokens = new Dictionary<HttpClient, string>();
        var leaks = new List<string>();
        var cells = 0;

        // Reads first, as in the authorization matrix: a POST that wrongly succeeded must not
        // hide a leak of a page read after it.
        var routes = EndpointCatalog.Routes(factory.Services)
            .Where(r => !r.AllowsAnonymous && r.Pattern != "/health")
            .OrderBy(r => HttpMethods.IsPost(r.Method))
            .ToList();
        foreach (var route in routes)
        {
            // One target account for every user route (not one per route as in the matrix):
            // a new 성북구 account mid-sweep would change the fingerprint.
            var names = route.Pattern.Contains('{', StringComparison.Ordinal);
            var urls = names ? fill.UrlsFor(route.Pattern).Select(u => u.Url).ToList() : [route.Pattern, WithSeongbukQuery(route.Pattern, fill)];
            foreach (var url in urls)
            {
                foreach (var (label, role, client) in principals)
                {
                    if (role == Roles.Admin && route.Pattern.StartsWith("/admin/", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    using var response = await AuthorizationMatrixTests.SendAsync(client, route.Method, url, tokens);
                    cells++;
                    var access = AuthorizationMatrixTests.Classify(response);
                    if (names && access == Access.Allowed && !IsSignOut(route))
                    {
                        leaks.Add($"{route.Method} {url} as {label}: {(int)response.StatusCode} {response.Headers.Location}");
                    }
                    else if (access == Access.Allowed && response.StatusCode == HttpStatusCode.OK && IsText(response))
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        // The one thing the 시·도 above 성북구 reads: its row on 시·군·구 현황 (the
                        // government and its plan's title, figures confirmed only — ProvinceOverviewTests).
                        var allowed = label.StartsWith("province", StringComparison.Ordinal) && route.Pattern == "/province" ? markers.Take(2).ToHashSet(StringComparer.Ordinal) : [];
                        foreach (var marker in markers.Where(m => !allowed.Contains(m) && body.Contains(m, StringComparison.Ordinal)))
                        {
                            leaks.Add($"{route.Method} {url} as {label} shows '{marker}'");
                        }
                    }
                }
            }
        }

        var after = await FingerprintAsync();
        var changed = before.Where(t => !after.TryGetValue(t.Key, out var hash) || hash != t.Value).Select(t => t.Key).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Government isolation: {routes.Count} method+route pairs, {principals.Count} principals of other governments, {cells} requests, {leaks.Count} leaks, tables changed: {changed.Count}."));
        foreach (var leak in leaks)
        {
            output.WriteLine("LEAK " + leak);
        }

        Assert.True(leaks.Count == 0, "Another government's people reached 성북구's data: " + string.Join("; ", leaks));
        Assert.True(changed.Count == 0, "Tables of 성북구 changed by another government's requests: " + string.Join(", ", changed));
    }

    private static bool IsSignOut(AppRoute route) => route.Pattern is "/account/signout";

    private static bool IsText(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is "text/html" or "text/plain" or "application/json";

    /// <summary>A page that names no resource still gets 성북구's ids in its query, the way a curious user would try.</summary>
    private static string WithSeongbukQuery(string pattern, RouteFill fill) => string.Create(
        CultureInfo.InvariantCulture,
        $"{pattern}?planId={fill.PlanId}&year={RouteFill.ResultsYear}&cycleId={fill.Evaluation.CycleId}&departmentId={fill.DepartmentId}&department={fill.DepartmentId}&id={fill.PlanId}");

    /// <summary>Words only 성북구's data carries: its plan's title and its government name (first, the two a 시·도 above may read), then sub-project names.</summary>
    private Task<IReadOnlyList<string>> MarkersAsync() =>
        factory.WithDbAsync<IReadOnlyList<string>>(async db =>
        {
            var plan = await db.Plans.SingleAsync();
            var names = await db.SubProjects.OrderBy(s => s.Id).Select(s => s.Name).Take(5).ToListAsync();
            return [plan.Title, GovernmentSeeder.ReferenceName, .. names];
        });

    /// <summary>
    /// A 시·도 above 성북구 and a 시·군·구 beside it under the same 시·도, with a department
    /// named as 성북구's and an adopted plan whose codes are 성북구's (ids differ, codes do not).
    /// </summary>
    private async Task<(int Province, int Neighbour)> GovernmentsAsync()
    {
        var province = await factory.AddGovernmentAsync("격리도", GovernmentLevel.Province);
        var neighbour = await factory.AddGovernmentAsync("격리군", GovernmentLevel.Local, province, SharedDepartment, "일자리정책과");
        await factory.WithDbAsync(async db =>
        {
            var parent = await db.LocalGovernments.SingleAsync(g => g.Id == province);
            (await db.LocalGovernments.SingleAsync(g => g.ShortName == GovernmentSeeder.ReferenceShortName)).PlaceUnder(parent);
            var department = await db.Departments.SingleAsync(d => d.LocalGovernmentId == neighbour && d.Name == SharedDepartment);
            var plan = new BasicPlan("격리군 사회적경제 기본계획", "격리군", department, new YearRange(2017, 2020), "이웃");
            var task = plan.AddTask(1, "과제", null);
            task.AddSubProject(RouteFill.OwnSubProject, "이웃 세부사업", department, plan.Period);
            task.AddSubProject(RouteFill.OtherSubProject, "이웃 세부사업 둘", department, plan.Period);
            plan.Adopt();
            plan.MakeCurrent([plan]);
            db.Plans.Add(plan);
            return await db.SaveChangesAsync();
        });
        return (province, neighbour);
    }

    /// <summary>
    /// A hash of every table's rows but the bookkeeping that requests legitimately write (audit
    /// rows, change stamps) and the other governments' own accounts (their sign-ins).
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> FingerprintAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('AuditEntries', 'ChangeStamps', '__EFMigrationsHistory') ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var seongbuk = await factory.WithDbAsync(db => db.LocalGovernments.Where(g => g.ShortName == GovernmentSeeder.ReferenceShortName).Select(g => g.Id).SingleAsync());
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = table switch
            {
                "AspNetUsers" => "SELECT * FROM AspNetUsers WHERE LocalGovernmentId = $g ORDER BY Id",
                "AspNetUserRoles" or "AspNetUserClaims" or "AspNetUserTokens" or "AspNetUserLogins" or "UserDepartments" =>
                    $"SELECT * FROM \"{table}\" WHERE UserId IN (SELECT Id FROM AspNetUsers WHERE LocalGovernmentId = $g) ORDER BY 1, 2",
                _ => $"SELECT * FROM \"{table}\" ORDER BY 1",
            };
            command.Parameters.AddWithValue("$g", seongbuk);
            var text = new StringBuilder();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }

            hashes[table] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }

        return hashes;
    }
}
