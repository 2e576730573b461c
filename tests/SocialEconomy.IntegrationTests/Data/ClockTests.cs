using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Data;

/// <summary>
/// Every clock the portal reads is the registered <see cref="TimeProvider"/>: with a fixed one
/// in its place, new accounts, audit rows of events and of data changes all carry its time.
/// </summary>
public class ClockTests(ClockTests.Factory factory) : IClassFixture<ClockTests.Factory>
{
    public static readonly DateTimeOffset Now = new(2026, 12, 24, 3, 0, 0, TimeSpan.Zero);

    public sealed class Factory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedClock(Now))));
        }
    }

    [Fact]
    public async Task AccountsAndAuditRows_TakeTheirTimeFromTheRegisteredClock()
    {
        var user = await factory.CreateUserAsync("clock-user", Roles.Viewer);
        await factory.SignInAsync(user.UserName!);

        var (created, signIn, creation) = await factory.WithDbAsync(async db => (
            (await db.Users.SingleAsync(u => u.Id == user.Id)).CreatedAtUtc,
            await db.AuditEntries.Where(a => a.UserId == user.Id && a.Action == AuditAction.SignIn).Select(a => a.OccurredAtUtc).SingleAsync(),
            await db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.EntityId == user.Id && a.Action == AuditAction.Created).Select(a => a.OccurredAtUtc).SingleAsync()));

        Assert.Equal(Now.UtcDateTime, created);
        Assert.Equal(Now.UtcDateTime, signIn);
        Assert.Equal(Now.UtcDateTime, creation);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
