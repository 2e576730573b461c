using System.Net;
using Microsoft.EntityFrameworkCore;
using Serilog.Events;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Logging;

public class RequestLoggingTests
{
    [Fact]
    public async Task AThrowingRequest_IsLoggedAtError_WithStatus500_TheException_AndWhoAskedIt()
    {
        await using var factory = new LogCapturingFactory();
        var admin = await factory.ClientForAsync(Roles.Admin);
        var adminId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName!.StartsWith("t-admin-")).Select(u => u.Id).SingleAsync());

        // A real failure deep in the request: the audit search reads a table that is gone.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE AuditEntries"));
        using var response = await admin.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var line = await factory.Events.RequestLineAsync("/admin/audit");
        Assert.Equal(LogEventLevel.Error, line.Level);
        Assert.Equal("500", line.Properties["StatusCode"].ToString());
        Assert.NotNull(line.Exception);
        Assert.False(string.IsNullOrEmpty(line.Properties["RequestId"].ToString().Trim('"')));
        Assert.Equal($"\"{adminId}\"", line.Properties["UserId"].ToString());
        Assert.DoesNotContain(factory.Events.RequestLines("/admin/audit"), e => e.Level == LogEventLevel.Information);
    }

    [Fact]
    public async Task ARequest_IsLoggedOnce_AtInformation_WithoutItsQueryString()
    {
        await using var factory = new LogCapturingFactory();
        var admin = await factory.ClientForAsync(Roles.Admin);

        using var response = await admin.GetAsync("/admin/audit?userName=someone-personal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = await factory.Events.RequestLineAsync("/admin/audit");
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Equal("200", line.Properties["StatusCode"].ToString());
        Assert.Null(line.Exception);
        Assert.DoesNotContain("someone-personal", line.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Single(factory.Events.RequestLines("/admin/audit"));
    }
}
