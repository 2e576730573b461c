using Microsoft.EntityFrameworkCore;
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
    public static readonly DateTimeOffset Fixed = new(2026, 12, 24, 3, 0, 0, TimeSpan.Zero);

    public sealed class Factory() : FixedClockFactory(Fixed);

    [Fact]
    public async Task AccountsAndAuditRows_TakeTheirTimeFromTheRegisteredClock()
    {
        var user = await factory.CreateUserAsync("clock-user", Roles.Viewer);
        await factory.SignInAsync(user.UserName!);

        var (created, signIn, creation) = await factory.WithDbAsync(async db => (
            (await db.Users.SingleAsync(u => u.Id == user.Id)).CreatedAtUtc,
            await db.AuditEntries.Where(a => a.UserId == user.Id && a.Action == AuditAction.SignIn).Select(a => a.OccurredAtUtc).SingleAsync(),
            await db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.EntityId == user.Id && a.Action == AuditAction.Created).Select(a => a.OccurredAtUtc).SingleAsync()));

        Assert.Equal(Fixed.UtcDateTime, created);
        Assert.Equal(Fixed.UtcDateTime, signIn);
        Assert.Equal(Fixed.UtcDateTime, creation);
    }
}
