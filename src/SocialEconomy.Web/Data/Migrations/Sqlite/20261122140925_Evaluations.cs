using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialEconomy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Evaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComprehensiveEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Directions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FinalisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComprehensiveEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComprehensiveEvaluations_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationFrameworks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsFrozen = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationFrameworks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SubProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OutcomeBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OutcomeAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsDone = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpActions_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpActions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpActions_SubProjects_SubProjectId",
                        column: x => x.SubProjectId,
                        principalTable: "SubProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelSeats",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvaluationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelSeats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelSeats_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PanelSeats_ComprehensiveEvaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "ComprehensiveEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubProjectVerdicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvaluationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WrittenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubProjectVerdicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubProjectVerdicts_ComprehensiveEvaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "ComprehensiveEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SubProjectVerdicts_SubProjects_SubProjectId",
                        column: x => x.SubProjectId,
                        principalTable: "SubProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationCycles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfFrameworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalFrameworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SelfReportsBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CommitteeBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExternalBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SelfStage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SelfLockedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Aggregation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnonymousComments = table.Column<bool>(type: "INTEGER", nullable: false),
                    GapThreshold = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    CommitteeClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationCycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationCycles_EvaluationFrameworks_ExternalFrameworkId",
                        column: x => x.ExternalFrameworkId,
                        principalTable: "EvaluationFrameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationCycles_EvaluationFrameworks_SelfFrameworkId",
                        column: x => x.SelfFrameworkId,
                        principalTable: "EvaluationFrameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationCycles_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FrameworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Criteria = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MaxPoints = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    IsBonus = table.Column<bool>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationItems_EvaluationFrameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "EvaluationFrameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoringBands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FrameworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    MinRate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoringBands", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoringBands_EvaluationFrameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "EvaluationFrameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeSeats",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DeclaredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeclarationNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeSeats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeSeats_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitteeSeats_EvaluationCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "EvaluationCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GapReasons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GapReasons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GapReasons_EvaluationCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "EvaluationCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Report = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReportBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReportAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScoredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ScoredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfEvaluations_EvaluationCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "EvaluationCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SelfEvaluations_SubProjects_SubProjectId",
                        column: x => x.SubProjectId,
                        principalTable: "SubProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MemberScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberScores_CommitteeSeats_SeatId",
                        column: x => x.SeatId,
                        principalTable: "CommitteeSeats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MemberScores_EvaluationItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "EvaluationItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvaluationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProposedPoints = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfScores_EvaluationItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "EvaluationItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfScores_SelfEvaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "SelfEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeSeats_CycleId_UserId",
                table: "CommitteeSeats",
                columns: new[] { "CycleId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeSeats_UserId",
                table: "CommitteeSeats",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ComprehensiveEvaluations_PlanId",
                table: "ComprehensiveEvaluations",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCycles_ExternalFrameworkId",
                table: "EvaluationCycles",
                column: "ExternalFrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCycles_PlanId_Year",
                table: "EvaluationCycles",
                columns: new[] { "PlanId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCycles_SelfFrameworkId",
                table: "EvaluationCycles",
                column: "SelfFrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationItems_FrameworkId",
                table: "EvaluationItems",
                column: "FrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpActions_DepartmentId_IsDone",
                table: "FollowUpActions",
                columns: new[] { "DepartmentId", "IsDone" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpActions_PlanId_Year",
                table: "FollowUpActions",
                columns: new[] { "PlanId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpActions_SubProjectId",
                table: "FollowUpActions",
                column: "SubProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_GapReasons_CycleId_Topic",
                table: "GapReasons",
                columns: new[] { "CycleId", "Topic" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberScores_ItemId",
                table: "MemberScores",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberScores_SeatId_ItemId",
                table: "MemberScores",
                columns: new[] { "SeatId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelSeats_EvaluationId_UserId",
                table: "PanelSeats",
                columns: new[] { "EvaluationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelSeats_UserId",
                table: "PanelSeats",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoringBands_FrameworkId",
                table: "ScoringBands",
                column: "FrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfEvaluations_CycleId_SubProjectId",
                table: "SelfEvaluations",
                columns: new[] { "CycleId", "SubProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfEvaluations_SubProjectId",
                table: "SelfEvaluations",
                column: "SubProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfScores_EvaluationId_ItemId",
                table: "SelfScores",
                columns: new[] { "EvaluationId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfScores_ItemId",
                table: "SelfScores",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SubProjectVerdicts_EvaluationId_SubProjectId",
                table: "SubProjectVerdicts",
                columns: new[] { "EvaluationId", "SubProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubProjectVerdicts_SubProjectId",
                table: "SubProjectVerdicts",
                column: "SubProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpActions");

            migrationBuilder.DropTable(
                name: "GapReasons");

            migrationBuilder.DropTable(
                name: "MemberScores");

            migrationBuilder.DropTable(
                name: "PanelSeats");

            migrationBuilder.DropTable(
                name: "ScoringBands");

            migrationBuilder.DropTable(
                name: "SelfScores");

            migrationBuilder.DropTable(
                name: "SubProjectVerdicts");

            migrationBuilder.DropTable(
                name: "CommitteeSeats");

            migrationBuilder.DropTable(
                name: "EvaluationItems");

            migrationBuilder.DropTable(
                name: "SelfEvaluations");

            migrationBuilder.DropTable(
                name: "ComprehensiveEvaluations");

            migrationBuilder.DropTable(
                name: "EvaluationCycles");

            migrationBuilder.DropTable(
                name: "EvaluationFrameworks");
        }
    }
}
