using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanEditing;

/// <summary>Editing parts of a draft plan in place, moving them, and the conflict of two coordinators.</summary>
public class PlanStructureEditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A draft plan 2030–2034: tasks 1 and 2, sub-projects 1-1 and 1-2 under task 1, an action
    /// item with two indicators (one with targets) and a milestone row, and a budget line in 백만원.
    /// </summary>
    private async Task<int> DraftPlanAsync() =>
        await factory.WithDbAsync(async db =>
        {
            var department = await db.Departments.SingleAsync(d => d.Name == PortalFactory.OwnDepartment);
            var plan = new BasicPlan($"편집 {Guid.NewGuid():N}", "테스트군", department, new YearRange(2030, 2034), "함께 성장");
            var task = plan.AddTask(1, "판로 확대", null);
            plan.AddTask(2, "생태계 조성", null);
            var sub = task.AddSubProject("1-1", "공공구매 확대", department, plan.Period);
            task.AddSubProject("1-2", "온라인 판로", department, plan.Period);
            var item = sub.AddActionItem("박람회", null);
            item.AddIndicator("참여기업", Unit.Companies, IndicatorKind.Count, TotalRule.Sum).SetTarget(2031, new TargetValue(10m, null));
            item.AddIndicator("만족도", Unit.Percent, IndicatorKind.Rate, TotalRule.Average);
            item.AddMilestone("준비").SetText(2030, "기획");
            sub.AddBudgetLine("박람회 운영", Unit.MillionWon, item).SetAmount(2030, 12.5m);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });

    private async Task<BasicPlan> PlanAsync(int planId) =>
        await factory.WithDbAsync(db => db.Plans
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Milestones).ThenInclude(m => m.Entries)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.BudgetLines).ThenInclude(b => b.Amounts)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.SharingDepartments)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == planId));

    /// <summary>Opens the edit page, changes the given fields as a person would, and posts it.</summary>
    private static async Task<HttpResponseMessage> EditAsync(HttpClient client, string editUrl, Dictionary<string, string?> changes)
    {
        var page = await client.GetDocumentAsync(editUrl);
        var fields = page.FormFields("form.portal-form");
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                fields.Remove($"Values[{name}]");
            }
            else
            {
                fields[$"Values[{name}]"] = value;
            }
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(editUrl, UriKind.Relative), content);
    }

    [Fact]
    public async Task Coordinator_EditsEveryKindOfPartInPlace()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var planId = await DraftPlanAsync();
        var url = $"/plans/{planId}/structure";
        var plan = await PlanAsync(planId);
        var task = plan.Tasks[0];
        var sub = task.SubProjects[0];
        var item = sub.ActionItems[0];
        var rate = item.Indicators[1];
        var milestone = item.Milestones[0];
        var line = sub.BudgetLines[0];
        var other = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == PortalFactory.OtherDepartment).Select(d => d.Id).SingleAsync());

        var edits = new (string Kind, int Id, Dictionary<string, string?> Changes)[]
        {
            ("task", task.Id, new() { ["Name"] = "판로 확대와 공공구매", ["ShortName"] = "판로" }),
            ("subproject", sub.Id, new() { ["Code"] = "1-5", ["Name"] = "공공구매 확대 사업", ["LeadDepartmentId"] = Text(other) }),
            ("actionitem", item.Id, new() { ["Name"] = "공공구매 박람회", ["Summary"] = "구청 부서 대상", ["StartYear"] = "2030", ["EndYear"] = "2033" }),
            ("indicator", rate.Id, new() { ["Name"] = "참여 만족도", ["Group"] = "성과", ["Unit"] = "%", ["Kind"] = nameof(IndicatorKind.Rate), ["TotalRule"] = nameof(TotalRule.Given), ["TotalText"] = "매년 80% 이상" }),
            ("milestone", milestone.Id, new() { ["Label"] = "사전 준비" }),
            ("budgetline", line.Id, new() { ["Name"] = "박람회 운영비", ["Unit"] = "천원", ["ActionItemId"] = string.Empty }),
        };
        foreach (var (kind, id, changes) in edits)
        {
            using var response = await EditAsync(client, $"{url}/edit/{kind}/{Text(id)}", changes);
            Assert.True(response.IsRedirectTo($"{url}"), $"{kind}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var saved = await PlanAsync(planId);
        var savedTask = saved.Tasks[0];
        Assert.Equal(("판로 확대와 공공구매", "판로"), (savedTask.Name, savedTask.ShortName));
        var savedSub = savedTask.SubProjects.Single(s => s.Id == sub.Id);
        Assert.Equal(("1-5", "공공구매 확대 사업", other), (savedSub.Code, savedSub.Name, savedSub.LeadDepartmentId));
        var savedItem = savedSub.ActionItems[0];
        Assert.Equal(("공공구매 박람회", "구청 부서 대상", new YearRange(2030, 2033)), (savedItem.Name, savedItem.Summary, savedItem.Period!.Value));
        var savedRate = savedItem.Indicators.Single(i => i.Id == rate.Id);
        Assert.Equal(("참여 만족도", "성과", TotalRule.Given, "매년 80% 이상"), (savedRate.Name, savedRate.Group, savedRate.TotalRule, savedRate.TotalText));
        Assert.Equal("사전 준비", savedItem.Milestones[0].Label);
        var savedLine = savedSub.BudgetLines[0];
        Assert.Equal(("박람회 운영비", Unit.ThousandWon, (int?)null), (savedLine.Name, savedLine.Unit, savedLine.ActionItemId));

        // 12.5 백만원 is 12,500 천원: the money stays the same when the unit changes.
        Assert.Equal(12_500m, Assert.Single(savedLine.Amounts).Amount);
        Assert.Equal(12.5m, savedLine.AmountFor(2030, Unit.MillionWon));

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(StrategicTask) && a.EntityId == Text(task.Id)).CountAsync());
        Assert.True(audit > 0);
    }

    [Fact]
    public async Task Edit_BadInput_IsShownBesideEachFieldAndNothingChanges()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var planId = await DraftPlanAsync();
        var url = $"/plans/{planId}/structure";
        var plan = await PlanAsync(planId);
        var subs = plan.Tasks[0].SubProjects;
        var item = subs[0].ActionItems[0];
        var count = item.Indicators[0];

        var cases = new (string Kind, int Id, Dictionary<string, string?> Changes, string Field, string Message, string Kept)[]
        {
            ("subproject", subs[1].Id, new() { ["Code"] = "1-1", ["Name"] = "새 이름" }, "Code", "이미 있습니다", "새 이름"),
            ("subproject", subs[1].Id, new() { ["Code"] = "1/1", ["Name"] = "새 이름" }, "Code", "빗금", "새 이름"),
            ("task", plan.Tasks[0].Id, new() { ["Name"] = string.Empty, ["ShortName"] = "약칭만" }, "Name", "추진과제명을(를) 입력하세요", "약칭만"),
            ("actionitem", item.Id, new() { ["Name"] = "줄인 기간", ["StartYear"] = "2032", ["EndYear"] = "2034" }, "EndYear", "2030년, 2031년", "줄인 기간"),
            ("actionitem", item.Id, new() { ["Name"] = "밖의 기간", ["StartYear"] = "2029", ["EndYear"] = "2034" }, "EndYear", "세부사업 기간", "밖의 기간"),
            ("actionitem", item.Id, new() { ["Name"] = "한쪽만", ["StartYear"] = "2031", ["EndYear"] = string.Empty }, "EndYear", "함께 입력", "한쪽만"),
            ("indicator", count.Id, new() { ["Name"] = "문구로", ["Kind"] = nameof(IndicatorKind.Text), ["Unit"] = "건" }, "Kind", "정성 지표로 바꿀 수 없습니다", "문구로"),
            ("indicator", count.Id, new() { ["Name"] = "단위 틀림", ["Unit"] = "%" }, "Unit", "지표 유형과 맞지 않습니다", "단위 틀림"),
            ("indicator", count.Id, new() { ["Name"] = "없는 단위", ["Unit"] = "마리" }, "Unit", "목록에 있는 단위", "없는 단위"),
            ("indicator", count.Id, new() { ["Name"] = "직접", ["TotalRule"] = nameof(TotalRule.Given), ["TotalText"] = string.Empty }, "TotalText", "계 문구를 입력하세요", "직접"),
            ("budgetline", subs[0].BudgetLines[0].Id, new() { ["Name"] = "비예산으로", ["IsNonBudget"] = "true" }, "IsNonBudget", "금액을 먼저 지우세요", "비예산으로"),
            ("budgetline", subs[0].BudgetLines[0].Id, new() { ["Name"] = "단위 틀림", ["Unit"] = "명" }, "Unit", "목록에 있는 금액 단위", "단위 틀림"),
        };
        foreach (var (kind, id, changes, field, message, kept) in cases)
        {
            using var response = await EditAsync(client, $"{url}/edit/{kind}/{Text(id)}", changes);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await response.DocumentAsync();
            var error = document.QuerySelector($"#Values_{field}-error");
            Assert.True(error is not null, $"{kind} {field}: no error beside the field");
            Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
            Assert.Contains($"Values_{field}-error", document.QuerySelector($"#Values_{field}")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
            var keptField = document.QuerySelectorAll("input[name^='Values'], textarea[name^='Values']").Select(e => e.TagName == "TEXTAREA" ? e.TextContent : e.GetAttribute("value"));
            Assert.Contains(kept, keptField);
        }

        var after = await PlanAsync(planId);
        Assert.Equal(("판로 확대", "1-2"), (after.Tasks[0].Name, after.Tasks[0].SubProjects[1].Code));
        Assert.Equal("박람회", after.Tasks[0].SubProjects[0].ActionItems[0].Name);
        Assert.Equal(IndicatorKind.Count, after.Tasks[0].SubProjects[0].ActionItems[0].Indicators[0].Kind);
        Assert.False(after.Tasks[0].SubProjects[0].BudgetLines[0].IsNonBudget);
    }

    [Fact]
    public async Task TwoCoordinators_TheSecondSaveShowsBothValuesAndOverwritesOnlyWhenSentAgain()
    {
        var first = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var second = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var planId = await DraftPlanAsync();
        var task = (await PlanAsync(planId)).Tasks[0];
        var editUrl = $"/plans/{planId}/structure/edit/task/{Text(task.Id)}";

        // Both open the form; the first saves.
        var secondPage = await second.GetDocumentAsync(editUrl);
        using (var saved = await EditAsync(first, editUrl, new() { ["Name"] = "첫째 사람의 이름" }))
        {
            Assert.True(saved.IsRedirectTo($"/plans/{planId}/structure"));
        }

        var fields = secondPage.FormFields("form.portal-form");
        fields["Values[Name]"] = "둘째 사람의 이름";
        using var conflict = await second.PostAsync(new Uri(editUrl, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var document = await conflict.DocumentAsync();
        Assert.Contains("다른 사용자가", document.QuerySelector("#edit-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("둘째 사람의 이름", document.QuerySelector("#Values_Name")!.GetAttribute("value"));
        Assert.Contains("첫째 사람의 이름", document.QuerySelector("#Values_Name-theirs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("첫째 사람의 이름", (await PlanAsync(planId)).Tasks[0].Name);

        // Sending the shown form again is a deliberate overwrite.
        using var again = await second.PostAsync(new Uri(editUrl, UriKind.Relative), new FormUrlEncodedContent(document.FormFields("form.portal-form")));
        Assert.True(again.IsRedirectTo($"/plans/{planId}/structure"));
        Assert.Equal("둘째 사람의 이름", (await PlanAsync(planId)).Tasks[0].Name);
    }

    [Fact]
    public async Task Move_SwapsWithTheNeighbourAndStopsAtTheEnds()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var planId = await DraftPlanAsync();
        var url = $"/plans/{planId}/structure";
        var plan = await PlanAsync(planId);
        var items = plan.Tasks[0].SubProjects[0].ActionItems[0];

        async Task MoveAsync(string kind, int id, string direction)
        {
            using var response = await client.PostFormAsync(url, $"{url}/move/{kind}/{Text(id)}", new() { ["direction"] = direction });
            Assert.True(response.IsRedirectTo(url), $"{kind} {direction}: {response.StatusCode}");
        }

        await MoveAsync("task", plan.Tasks[1].Id, "up");
        await MoveAsync("subproject", plan.Tasks[0].SubProjects[1].Id, "up");
        await MoveAsync("indicator", items.Indicators[0].Id, "down");
        await MoveAsync("indicator", items.Indicators[0].Id, "down");

        var moved = await PlanAsync(planId);
        Assert.Equal(["생태계 조성", "판로 확대"], moved.Tasks.Select(t => t.Name));
        Assert.Equal([1, 2], moved.Tasks.Select(t => t.Number));
        var task = moved.Tasks.Single(t => t.Name == "판로 확대");
        Assert.Equal(["1-2", "1-1"], task.SubProjects.Select(s => s.Code));
        Assert.Equal(["만족도", "참여기업"], task.SubProjects.Single(s => s.Code == "1-1").ActionItems[0].Indicators.Select(i => i.Name));

        using var bad = await client.PostFormAsync(url, $"{url}/move/task/{Text(plan.Tasks[0].Id)}", new() { ["direction"] = "sideways" });
        Assert.True(bad.IsRedirectTo(url));
        Assert.Equal(["생태계 조성", "판로 확대"], (await PlanAsync(planId)).Tasks.Select(t => t.Name));
        var otherPlan = await DraftPlanAsync();
        using var foreign = await client.PostFormAsync(url, $"{url}/move/task/{Text((await PlanAsync(otherPlan)).Tasks[1].Id)}", new() { ["direction"] = "up" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task StopSharing_RemovesTheDepartmentAndItsOfficerLosesTheSubProject()
    {
        var coordinator = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var planId = await DraftPlanAsync();
        var url = $"/plans/{planId}/structure";
        var other = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == PortalFactory.OtherDepartment).Select(d => d.Id).SingleAsync());
        using (var share = await coordinator.PostFormAsync(url, $"{url}/subprojects/1-1/sharing", new() { ["Sharing.DepartmentId"] = Text(other) }))
        {
            Assert.True(share.IsRedirectTo(url));
        }

        var page = await coordinator.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector($"form[action='{url}/subprojects/1-1/sharing/{Text(other)}/remove']"));

        // Every form and link of the page resolves to a real path (a literal "~" once slipped through).
        var targets = page.QuerySelectorAll("form[action]").Select(f => f.GetAttribute("action")!).Concat(page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)).ToList();
        Assert.All(targets, target => Assert.True(target.StartsWith('/') || target.StartsWith('#'), target));
        Assert.All(page.QuerySelectorAll("form[method='post']"), f => Assert.True(f.QuerySelector("input[name='__RequestVerificationToken']") is not null, f.OuterHtml));

        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OtherDepartment);
        var title = (await PlanAsync(planId)).Title;
        Assert.Contains(title, (await officer.GetDocumentAsync("/my/subprojects")).Body!.TextContent, StringComparison.Ordinal);
        using var removed = await coordinator.PostFormAsync(url, $"{url}/subprojects/1-1/sharing/{Text(other)}/remove", []);
        Assert.True(removed.IsRedirectTo(url));
        Assert.Empty((await PlanAsync(planId)).Tasks[0].SubProjects.Single(s => s.Code == "1-1").SharingDepartments);
        Assert.DoesNotContain(title, (await officer.GetDocumentAsync("/my/subprojects")).Body!.TextContent, StringComparison.Ordinal);

        using var again = await coordinator.PostFormAsync(url, $"{url}/subprojects/1-1/sharing/{Text(other)}/remove", []);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task AdoptedPlan_EditAndMoveAreRefused()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var planId = await factory.WithDbAsync(db => db.Plans.Where(p => p.Status == PlanStatus.Adopted).Select(p => p.Id).FirstAsync());
        var task = (await PlanAsync(planId)).Tasks[1];
        var url = $"/plans/{planId}/structure";

        var page = await client.GetDocumentAsync($"{url}/edit/task/{Text(task.Id)}");
        Assert.Contains("작성중인 계획에서만", page.QuerySelector(".portal-note")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.portal-form"));

        using var move = await client.PostFormAsync(url, $"{url}/move/task/{Text(task.Id)}", new() { ["direction"] = "up" });
        Assert.True(move.IsRedirectTo(url));
        Assert.Equal(2, (await PlanAsync(planId)).Tasks.Single(t => t.Id == task.Id).Number);
    }
}
