using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Evaluations;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Security;

/// <summary>
/// One model-binding rule for every form (TextRules, issue 15 item 6): a control character,
/// a non-character or a bidi override in a single-line field is refused beside the field, with
/// nothing stored and everything typed shown again; tab and line breaks stay allowed in a
/// multi-line field. Posted url-encoded, so a NUL arrives as %00, which ASP.NET Core's own form
/// reader refuses for the whole form (UrlEncodedFormFeature).
/// </summary>
public class ControlCharacterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> Forbidden => new("\u0000", "\u0001", "\u001B", "\u007F", "\u0085", "\uFFFE", "\u202E");

    private static string CodePoint(string c) => $"U+{((int)c[0]).ToString("X4", CultureInfo.InvariantCulture)}";

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task ResultField_WithForbiddenCharacter_IsRefusedBesideIt_StoresNothing_KeepsTheRest(string c)
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2017);
        var url = $"/results/{planId}/2017/1-1";
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        string bad = string.Empty, other = string.Empty;

        using var response = await officer.PostResultAsync(url, page =>
        {
            bad = page.FieldOf("Actual", "발굴단 구성");
            other = page.FieldOf("Actual", "사업비", 0);
            return new() { [bad] = $"3{c}", [other] = "9,000", ["Achievements"] = "추진실적 본문" };
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        var field = document.QuerySelector($"[name='{bad}']")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains($"쓸 수 없는 문자({CodePoint(c)})", document.QuerySelector($"#{field.Id}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("9,000", document.QuerySelector($"[name='{other}']")!.GetAttribute("value"));
        Assert.Equal("추진실적 본문", document.QuerySelector("#Achievements")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.YearResults.AnyAsync(r => r.SubProject.Code == "1-1" && r.Year == 2017)));
    }

    [Fact]
    public async Task ResultNarrative_TabAndLineBreaks_AreStored()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2018);
        var url = $"/results/{planId}/2018/1-2";
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);

        using var response = await officer.PostResultAsync(url, _ => new() { ["Achievements"] = "첫째 줄\t들여쓰기\r\n둘째 줄" });

        Assert.True(response.IsRedirectTo(url), $"{response.StatusCode}");
        var stored = await factory.WithDbAsync(db => db.YearResults.Where(r => r.SubProject.Code == "1-2" && r.Year == 2018).Select(r => r.Achievements).SingleAsync());
        Assert.Contains("\t들여쓰기", stored, StringComparison.Ordinal);
        Assert.Contains("\n둘째 줄", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultField_NulInAMultipartForm_IsRefusedTheSameWay()
    {
        // The browser posts the year page as multipart/form-data (it can carry a file).
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2017);
        var url = $"/results/{planId}/2017/1-1";
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var page = await officer.GetDocumentAsync(url);
        var bad = page.FieldOf("Actual", "발굴단 구성");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in page.FormFields("#result-form"))
        {
            content.Add(new StringContent(name == bad ? "3\0" : value), name);
        }

        content.Add(new StringContent("save"), "Intent");
        using var response = await officer.PostAsync(new Uri(url, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.Contains("쓸 수 없는 문자(U+0000)", document.QuerySelector($"#{document.QuerySelector($"[name='{bad}']")!.Id}-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.YearResults.AnyAsync(r => r.SubProject.Code == "1-1" && r.Year == 2017)));
    }

    [Fact]
    public async Task ReopenReason_WithAControlCharacter_IsRefusedBesideIt_TheResultStaysConfirmed()
    {
        await factory.ConfirmResultsAsync("2-1", 2019, 1m);
        var planId = await factory.SeededPlanIdAsync();
        var url = $"/results/{planId}/2019/2-1";
        var coordinator = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);

        using var response = await coordinator.ReviewAsync(url, "reopen", new() { ["reason"] = "재개\u0000사유" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.StartsWith("재개 사유에 쓸 수 없는 문자(U+0000)", document.QuerySelector("#reopen-reason-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("사유", document.QuerySelector("#reopen-reason")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SocialEconomy.Domain.Results.ResultStatus.Confirmed, await factory.WithDbAsync(db => db.YearResults.Where(r => r.SubProject.Code == "2-1" && r.Year == 2019).Select(r => r.Status).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task PlanTitle_WithForbiddenCharacter_IsRefusedBesideIt_StoresNothing_KeepsTheRest(string c)
    {
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var before = await factory.WithDbAsync(db => db.Plans.CountAsync());

        using var response = await client.PostFormAsync("/plans/new", "/plans/new", await NewPlanAsync($"제어문자{c}계획", "판로 확대"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.Equal("true", document.QuerySelector("#Input_Title")!.GetAttribute("aria-invalid"));
        Assert.Equal($"계획명에 쓸 수 없는 문자({CodePoint(c)})가 있습니다. 보이지 않는 제어 문자일 수 있으니 지우고 다시 입력하세요.", document.QuerySelector("#Input_Title-error")!.TextContent);
        Assert.Equal("전라북도", document.QuerySelector("#Input_District")!.GetAttribute("value"));
        Assert.Equal("함께 성장하는 사회적경제", document.QuerySelector("#Input_Vision")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task PlanGoals_TabAndLineBreaks_AreStored()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var title = $"줄바꿈 계획 {Guid.NewGuid():N}"[..16];

        using var response = await client.PostFormAsync("/plans/new", "/plans/new", await NewPlanAsync(title, "판로\t확대\r\n인재 양성"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var goals = await factory.WithDbAsync(db => db.Plans.Where(p => p.Title == title).SelectMany(p => p.Goals).OrderBy(g => g.Order).Select(g => g.Text).ToListAsync());
        Assert.Equal(["판로\t확대", "인재 양성"], goals);
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task AdminUserName_WithForbiddenCharacter_IsRefusedBesideIt_StoresNothing_KeepsTheRest(string c)
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var userName = $"ctl-{Guid.NewGuid():N}"[..16];

        using var response = await admin.PostFormAsync("/admin/users/new", "/admin/users/new", new()
        {
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = $"김{c}신규",
            ["Input.Roles"] = Roles.Viewer,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.Equal($"이름에 쓸 수 없는 문자({CodePoint(c)})가 있습니다. 보이지 않는 제어 문자일 수 있으니 지우고 다시 입력하세요.", document.QuerySelector("#Input_DisplayName-error")!.TextContent.Trim());
        Assert.Equal(userName, document.QuerySelector("#Input_UserName")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));
    }

    private async Task<Dictionary<string, string>> NewPlanAsync(string title, string goals) => new()
    {
        ["Input.Title"] = title,
        ["Input.District"] = "전라북도",
        ["Input.OwningDepartmentId"] = (await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == PortalFactory.OwnDepartment).Select(d => d.Id).FirstAsync())).ToString(CultureInfo.InvariantCulture),
        ["Input.FirstYear"] = "2020",
        ["Input.LastYear"] = "2024",
        ["Input.Vision"] = "함께 성장하는 사회적경제",
        ["Input.Goals"] = goals,
    };
}
