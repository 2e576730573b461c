using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Notifications;

/// <summary>
/// 알림: a signed-in person's own notices, newest first, unread ones marked; opening one marks
/// it read and goes to its page. 알림 설정: the person's e-mail address and which kinds come by
/// e-mail. Everyone signed in has these pages; the query filter shows each person only theirs.
/// </summary>
[Route("notifications")]
public sealed class NotificationsController(AppDbContext db, TimeProvider clock) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] bool unread, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var query = db.Notifications.AsNoTracking().Where(n => !unread || n.ReadAtUtc == null);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(n => n.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var unreadCount = await db.Notifications.CountAsync(n => n.ReadAtUtc == null, cancellationToken);
        return View(new NotificationListViewModel
        {
            Rows = [.. rows.Select(n => new NotificationRow(n.Id, NoticeKinds.Label(n.Kind), n.Title, n.Body?.Split('\n') ?? [], Formats.KoreanTime(n.CreatedAtUtc), n.IsRead, NoticeLinks.Of(n.Target) is not null))],
            UnreadOnly = unread,
            Page = page,
            Pages = Math.Max(1, (total + PageSize - 1) / PageSize),
            Unread = unreadCount,
        });
    }

    /// <summary>Marks the notice read and opens its page (a form, so that reading is never a side effect of a link's GET).</summary>
    [HttpPost("{id:long}/open")]
    public async Task<IActionResult> Open(long id, CancellationToken cancellationToken)
    {
        var notice = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null)
        {
            return NotFound();
        }

        notice.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return NoticeLinks.Of(notice.Target) is { } link
            ? RedirectToAction(link.Action, link.Controller, link.Values)
            : RedirectToAction(nameof(Index));
    }

    [HttpPost("read")]
    public async Task<IActionResult> ReadAll(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var count = await db.Notifications.Where(n => n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
        TempData["Notice"] = count == 0 ? "읽지 않은 알림이 없습니다." : $"알림 {count}건을 읽음으로 표시했습니다.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings(CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == UserId, cancellationToken);
        var off = await db.NoticeMailOptOuts.Select(o => o.Kind).ToListAsync(cancellationToken);
        return View(SettingsModel(new NotificationSettingsEditModel
        {
            Email = user.Email,
            MailKinds = [.. NoticeKinds.All.Where(k => !off.Contains(k))],
            Version = user.ConcurrencyStamp,
        }));
    }

    [HttpPost("settings")]
    public async Task<IActionResult> Settings([Bind(Prefix = "Input")] NotificationSettingsEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var email = input.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && !NoticeBatch.IsAddress(email))
        {
            ModelState.AddModelError("Input.Email", "전자우편 주소 형식이 올바르지 않습니다. 예: hong@seongbuk.go.kr");
        }

        if (!ModelState.IsValid)
        {
            return View(SettingsModel(input));
        }

        var user = await db.Users.FirstAsync(u => u.Id == UserId, cancellationToken);
        if (user.ConcurrencyStamp != input.Version)
        {
            ModelState.AddModelError(string.Empty, "이 화면을 연 뒤에 계정 정보가 바뀌었습니다. 입력한 내용은 그대로 두었으니 확인한 뒤 다시 저장하세요.");
            return View(SettingsModel(input with { Version = user.ConcurrencyStamp }));
        }

        user.Email = string.IsNullOrEmpty(email) ? null : email;
        user.NormalizedEmail = user.Email?.ToUpperInvariant();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        var wanted = input.MailKinds.ToHashSet();
        var existing = await db.NoticeMailOptOuts.ToListAsync(cancellationToken);
        db.NoticeMailOptOuts.RemoveRange(existing.Where(o => wanted.Contains(o.Kind)));
        db.NoticeMailOptOuts.AddRange(NoticeKinds.All.Where(k => !wanted.Contains(k) && existing.All(o => o.Kind != k)).Select(k => new NoticeMailOptOut(user.Id, k)));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = user.Email is null
            ? "알림 설정을 저장했습니다. 전자우편 주소가 없어 알림은 포털에서만 보입니다."
            : "알림 설정을 저장했습니다.";
        return RedirectToAction(nameof(Settings));
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    private static NotificationSettingsViewModel SettingsModel(NotificationSettingsEditModel input) =>
        new(input, [.. NoticeKinds.All.Select(k => new KindOption(k, NoticeKinds.Label(k), input.MailKinds.Contains(k)))]);
}

public sealed record NotificationRow(long Id, string Kind, string Title, IReadOnlyList<string> BodyLines, string CreatedAt, bool IsRead, bool HasPage);

public sealed class NotificationListViewModel
{
    public required IReadOnlyList<NotificationRow> Rows { get; init; }

    public required bool UnreadOnly { get; init; }

    public required int Page { get; init; }

    public required int Pages { get; init; }

    public required int Unread { get; init; }
}

public sealed record NotificationSettingsEditModel
{
    [Display(Name = "전자우편 주소")]
    [StringLength(256, ErrorMessage = "전자우편 주소는 256자 이내로 입력하세요.")]
    public string? Email { get; init; }

    public List<NoticeKind> MailKinds { get; init; } = [];

    public string? Version { get; init; }
}

public sealed record KindOption(NoticeKind Kind, string Label, bool Mail);

public sealed record NotificationSettingsViewModel(NotificationSettingsEditModel Input, IReadOnlyList<KindOption> Kinds);

/// <summary>The header's 알림 link with the count of unread notices.</summary>
public sealed class NoticeBadgeViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("_NoticeBadge", await db.Notifications.CountAsync(n => n.ReadAtUtc == null, HttpContext.RequestAborted));
}
